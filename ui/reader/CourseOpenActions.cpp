#include "CourseOpenActions.h"

#include "RecentCourses.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QSettings>

namespace {
const QString kLastCourse = QStringLiteral("course/last");
}  // namespace

CourseOpenActions::CourseOpenActions(QMenu *file, QWidget *window)
    : QObject(window)
    , m_window(window)
{
    QAction *openFolder = file->addAction(tr("Open Course &Folder…"), this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(m_window, tr("Open Course Folder"), m_rootPath);
        if (!dir.isEmpty())
            emit courseChosen(dir);
    });
    openFolder->setShortcut(QKeySequence::Open);
    QAction *openFile = file->addAction(tr("Open Fi&le…"), this, [this] {
        const QString path = QFileDialog::getOpenFileName(
            m_window, tr("Open File"), m_rootPath,
            tr("Courses and workbooks (*.md *.markdown *.txt *.coursebook);;Markdown and text (*.md *.markdown *.txt);;"
               "Coursebook workbooks (*.coursebook);;All files (*)"));
        if (path.endsWith(QStringLiteral(".coursebook"), Qt::CaseInsensitive))
            emit workbookFileChosen(path);
        else if (!path.isEmpty())
            emit courseChosen(path);
    });
    openFile->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    m_recent = new RecentCourses(file->addMenu(tr("Open &Recent")), [this](const QString &path) { emit courseChosen(path); }, this);
}

QString CourseOpenActions::lastCourse()
{
    const QString path = QSettings().value(kLastCourse).toString();
    return !path.isEmpty() && QFileInfo::exists(path) ? path : QString();
}

void CourseOpenActions::opened(const QString &path, const QString &courseId, const QString &rootPath)
{
    m_rootPath = rootPath;
    QSettings().setValue(kLastCourse, QFileInfo(path).absoluteFilePath());
    m_recent->add(path, courseId);
}

QString CourseOpenActions::pathOf(const QString &courseId) const
{
    return m_recent->pathOf(courseId);
}
