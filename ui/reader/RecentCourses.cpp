#include "RecentCourses.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QMenu>
#include <QSettings>

namespace {
const QString kKey = QStringLiteral("recentCourses");
const QString kPlaces = QStringLiteral("coursePlaces/");
}

RecentCourses::RecentCourses(QMenu *menu, std::function<void(const QString &)> open, QObject *parent)
    : QObject(parent)
    , m_menu(menu)
    , m_open(std::move(open))
{
    // Made when it opens, so a course that came back (or went) shows as it is now.
    connect(m_menu, &QMenu::aboutToShow, this, &RecentCourses::rebuild);
    rebuild();
}

QStringList RecentCourses::paths() const
{
    return QSettings().value(kKey).toStringList();
}

QString RecentCourses::pathOf(const QString &courseId) const
{
    return QSettings().value(kPlaces + courseId).toString();
}

void RecentCourses::add(const QString &path, const QString &courseId)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QSettings().setValue(kPlaces + courseId, absolute);
    QStringList list = paths();
    list.removeAll(absolute);
    list.prepend(absolute);
    while (list.size() > kMaximum)
        list.removeLast();
    QSettings().setValue(kKey, list);
    rebuild();
}

void RecentCourses::rebuild()
{
    m_menu->clear();
    const QStringList list = paths();
    int number = 0;
    for (const QString &path : list) {
        const QFileInfo info(path);
        // &1 to &8: each entry has a key of its own in the open menu.
        QString label = QStringLiteral("&%1 %2").arg(++number).arg(QDir::toNativeSeparators(path).replace(u'&', QStringLiteral("&&")));
        if (!info.exists())
            label += tr(" (not found)");
        QAction *action = m_menu->addAction(label, this, [this, path] { m_open(path); });
        action->setEnabled(info.exists());
    }
    if (list.isEmpty())
        m_menu->addAction(tr("No Recent Courses"))->setEnabled(false);
    m_menu->setEnabled(true);
}
