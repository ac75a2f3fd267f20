#include "CourseLinkOpener.h"

#include "UiLog.h"

#include "CourseFileKind.h"
#include "CourseUrl.h"
#include "CourseWebPage.h"

#include <QCryptographicHash>
#include <QDesktopServices>
#include <QFileInfo>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>

CourseLinkOpener::CourseLinkOpener(CourseWebPage *page, QWidget *window)
    : QObject(window)
    , m_window(window)
{
    connect(page, &CourseWebPage::externalLinkClicked, this, &CourseLinkOpener::openWebLink);
    connect(page, &CourseWebPage::courseFileClicked, this, &CourseLinkOpener::openCourseFile);
}

void CourseLinkOpener::setCourseRoot(const QString &rootPath)
{
    m_root = rootPath;
}

void CourseLinkOpener::openLink(const QUrl &url)
{
    QString rest;
    switch (CourseUrl::parse(url, &rest)) {
    case CourseUrl::Kind::Page:
        emit pageRequested(rest);
        return;
    case CourseUrl::Kind::File:
        return openCourseFile(rest);
    case CourseUrl::Kind::App:
    case CourseUrl::Kind::Activity:
    case CourseUrl::Kind::Slides:
        return;
    case CourseUrl::Kind::Invalid:
        break;
    }
    openWebLink(url);
}

void CourseLinkOpener::openWebLink(const QUrl &url)
{
    const QString scheme = url.scheme();
    if (scheme == QLatin1String("mailto"))
        emit statusMessage(tr("Writing to %1 in your mail program").arg(url.path()), 4000);
    else if (scheme == QLatin1String("http") || scheme == QLatin1String("https"))
        emit statusMessage(tr("Opening %1 in your web browser").arg(url.toDisplayString()), 4000);
    else
        return;  // file:, javascript: and the rest never leave the app
    QDesktopServices::openUrl(url);
}

void CourseLinkOpener::openCourseFile(const QString &relativePath)
{
    const CourseFileKind kind = CourseFileKind::of(m_root, relativePath);
    if (!kind.isDocument())
        refuse(kind);
    else if (QSettings().value(trustKey()).toBool())
        handToDesktop(kind);
    else
        askThenOpen(kind);
}

void CourseLinkOpener::askThenOpen(const CourseFileKind &kind)
{
    if (m_question) {
        m_question->activateWindow();
        return;
    }
    // Window-modal and not blocking: the click came from inside the web engine, which
    // must not wait in a nested event loop.
    auto *box = new QMessageBox(QMessageBox::Question, tr("Open a File from This Course?"),
                                tr("Open \u201c%1\u201d (%2) in your default app?").arg(kind.fileName, kind.description),
                                QMessageBox::NoButton, m_window);
    box->setTextFormat(Qt::PlainText);  // names come from the course
    box->setInformativeText(tr("Files from this course will then open without asking. "
                               "Coursebook opens only documents, never programs, scripts or launchers."));
    // Open is the default: what reaches this question is a document the learner just chose,
    // so Enter does what they asked; Escape cancels.
    QPushButton *open = box->addButton(tr("&Open"), QMessageBox::AcceptRole);
    box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(open);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, open, kind] {
        if (box->clickedButton() != open)
            return;
        QSettings().setValue(trustKey(), true);
        handToDesktop(kind);
    });
    m_question = box;
    box->open();
}

void CourseLinkOpener::handToDesktop(const CourseFileKind &kind)
{
    qCInfo(lcUi).noquote() << "opening" << kind.path << "as" << kind.mimeType;
    if (QDesktopServices::openUrl(QUrl::fromLocalFile(kind.path)))
        emit statusMessage(tr("Opening \u201c%1\u201d (%2)").arg(kind.fileName, kind.description), 4000);
    else
        emit statusMessage(tr("No app on this computer opens \u201c%1\u201d (%2).").arg(kind.fileName, kind.description), 8000);
}

void CourseLinkOpener::refuse(const CourseFileKind &kind)
{
    qCWarning(lcUi).noquote() << "not opening" << kind.fileName << "-" << kind.refusal;
    // Not modal, like the window's other messages: nothing waits on it.
    auto *box = new QMessageBox(QMessageBox::Warning, tr("File Not Opened"), kind.refusal, QMessageBox::Ok, m_window);
    box->setTextFormat(Qt::PlainText);
    box->setInformativeText(tr("Coursebook opens only documents from a course: PDFs, pictures, sound, video, "
                               "text and office files."));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(Qt::NonModal);
    box->show();
}

QString CourseLinkOpener::trustKey() const
{
    // By folder, not by course id: a copy of a course elsewhere has files of its own.
    const QString root = QFileInfo(m_root).canonicalFilePath();
    const QByteArray hash = QCryptographicHash::hash((root.isEmpty() ? m_root : root).toUtf8(), QCryptographicHash::Sha256);
    return QStringLiteral("courseFiles/%1/open").arg(QString::fromLatin1(hash.toHex().left(32)));
}
