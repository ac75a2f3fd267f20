#include "SearchResultList.h"

#include "SearchResultDelegate.h"

#include <QKeyEvent>
#include <QStandardItemModel>

SearchResultList::SearchResultList(QWidget *parent)
    : QListView(parent)
    , m_model(new QStandardItemModel(this))
{
    setModel(m_model);
    setItemDelegate(new SearchResultDelegate(this));
    setAccessibleName(tr("Search results"));
    setSelectionMode(QAbstractItemView::SingleSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    setUniformItemSizes(false);
    connect(this, &QListView::activated, this, [this](const QModelIndex &index) {
        const int hit = index.data(HitRole).toInt();
        if (hit >= 0 && hit < m_hits.size())
            emit hitActivated(m_hits.at(hit));
    });
}

QString SearchResultList::kindLabel(SearchHit::Kind kind)
{
    switch (kind) {
    case SearchHit::Kind::Page: return tr("Page");
    case SearchHit::Kind::Answer: return tr("My answer");
    case SearchHit::Kind::Note: return tr("My note");
    }
    return QString();
}

void SearchResultList::setHits(const QVector<SearchHit> &hits)
{
    m_hits = hits;
    m_model->clear();
    // Modules in the order of their best hit, hits in rank order within each.
    QStringList modules;
    for (const SearchHit &hit : hits) {
        if (!modules.contains(hit.moduleId))
            modules << hit.moduleId;
    }
    for (const QString &moduleId : modules) {
        bool headed = false;
        for (int i = 0; i < hits.size(); ++i) {
            const SearchHit &hit = hits.at(i);
            if (hit.moduleId != moduleId)
                continue;
            if (!headed) {
                const QString heading = moduleId.isEmpty() ? tr("Course home") : hit.moduleTitle;
                auto *item = new QStandardItem(heading);
                item->setData(-1, HitRole);
                item->setData(tr("Module: %1").arg(heading), Qt::AccessibleTextRole);
                item->setFlags(Qt::ItemIsEnabled);
                m_model->appendRow(item);
                headed = true;
            }
            QString plain = hit.snippet;
            plain.remove(SearchHit::kMatchStart).remove(SearchHit::kMatchEnd);
            auto *item = new QStandardItem(hit.title);
            item->setData(i, HitRole);
            item->setData(kindLabel(hit.kind), KindRole);
            item->setData(hit.snippet, SnippetRole);
            item->setData(tr("%1, %2: %3").arg(hit.title, kindLabel(hit.kind), plain), Qt::AccessibleTextRole);
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
            m_model->appendRow(item);
        }
    }
    if (!hits.isEmpty())
        moveCurrent(1);
}

const SearchHit *SearchResultList::currentHit() const
{
    const int hit = currentIndex().data(HitRole).toInt();
    return currentIndex().isValid() && hit >= 0 && hit < m_hits.size() ? &m_hits.at(hit) : nullptr;
}

void SearchResultList::moveCurrent(int direction)
{
    const int rows = m_model->rowCount();
    int row = currentIndex().isValid() ? currentIndex().row() + direction : (direction > 0 ? 0 : rows - 1);
    while (row >= 0 && row < rows && m_model->index(row, 0).data(HitRole).toInt() < 0)
        row += direction;
    if (row < 0 || row >= rows)
        return;  // already at the first or last hit
    setCurrentIndex(m_model->index(row, 0));
    scrollTo(currentIndex());
    // The heading above the first hit stays in view with it.
    if (row == 1)
        scrollToTop();
}

void SearchResultList::keyPressEvent(QKeyEvent *event)
{
    if (event->modifiers() == Qt::NoModifier && (event->key() == Qt::Key_Down || event->key() == Qt::Key_Up)) {
        moveCurrent(event->key() == Qt::Key_Down ? 1 : -1);
        return;
    }
    QListView::keyPressEvent(event);
}
