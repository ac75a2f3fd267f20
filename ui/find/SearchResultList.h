#pragma once

#include "SearchHit.h"

#include <QListView>
#include <QVector>

class QStandardItemModel;

// The course search's results, ranked and grouped by module: a heading row per module (in
// the order of its best hit), then its hits. Headings cannot be selected; Up and Down go from
// hit to hit. Each hit's row tells a screen reader its title, kind and snippet.
class SearchResultList : public QListView
{
    Q_OBJECT
public:
    enum Role { HitRole = Qt::UserRole + 1, KindRole, SnippetRole };

    explicit SearchResultList(QWidget *parent = nullptr);

    static QString kindLabel(SearchHit::Kind kind);  // "Page", "My answer", "My note"

    void setHits(const QVector<SearchHit> &hits);
    int hitCount() const { return int(m_hits.size()); }
    const SearchHit *currentHit() const;
    void moveCurrent(int direction);  // to the next (+1) or previous (-1) hit, past headings

signals:
    void hitActivated(const SearchHit &hit);

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    QStandardItemModel *m_model;
    QVector<SearchHit> m_hits;
};
