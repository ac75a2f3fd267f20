#pragma once

#include "SearchHit.h"

#include <QFrame>
#include <QPointer>
#include <QTimer>

class QLineEdit;
class SearchResultList;
class StatusLabel;

// Edit ▸ Search Course (Ctrl+K, Ctrl+Shift+F): a field over the top of the window with the
// results under it as the learner types. Queries go out ~150 ms after the last key (the
// controller runs them off the UI thread); only the answer to the newest is shown. Up and
// Down move through the hits, Enter opens one, Esc closes the panel and puts the focus back.
class CourseSearchPanel : public QFrame
{
    Q_OBJECT
public:
    explicit CourseSearchPanel(QWidget *window);

    static constexpr int kDebounceMs = 150;

    void open();
    void close();  // Esc: the focus goes back to where it was
    void setIndexReady(bool ready);
    void showResults(quint64 requestId, const QString &userText, const QVector<SearchHit> &hits);
    void showFailure(const QString &message);

    QLineEdit *field() const { return m_field; }
    SearchResultList *results() const { return m_results; }
    StatusLabel *status() const { return m_status; }

signals:
    void searchRequested(quint64 requestId, const QString &userText);
    // The panel has closed; the focus is for the page the hit opens.
    void hitActivated(const SearchHit &hit, const QString &userText);
    void resultsShown(int count);  // after the list holds them, before they are painted

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void requestSearch();
    void place();
    void activateCurrent();

    QLineEdit *m_field;
    StatusLabel *m_status;
    SearchResultList *m_results;
    QTimer m_debounce;
    QPointer<QWidget> m_focusBefore;
    quint64 m_lastRequest = 0;
    quint64 m_awaited = 0;  // the request whose results are shown
    bool m_openWhenShown = false;
    bool m_indexReady = false;
};
