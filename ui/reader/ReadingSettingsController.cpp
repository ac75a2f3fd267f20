#include "ReadingSettingsController.h"

#include "CourseSchemeHandler.h"
#include "CourseWebPage.h"
#include "PageView.h"
#include "ReadingCss.h"
#include "ReadingSettingsDialog.h"
#include "ThemeSwitcher.h"

#include <QFontDatabase>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMenu>
#include <QSettings>
#include <QWebEngineScript>

ReadingSettingsController::ReadingSettingsController(ThemeSwitcher *themes, PageView *view, CourseSchemeHandler *pages,
                                                     QObject *parent)
    : QObject(parent)
    , m_themes(themes)
    , m_view(view)
    , m_pages(pages)
{
    // The Workbook's editors read in the bundled font too: the widgets need it registered.
    for (const QString &file : ReadingCss::bundledFontFiles()) {
        const QStringList families = QFontDatabase::applicationFontFamilies(QFontDatabase::addApplicationFont(file));
        if (!families.isEmpty())
            m_dyslexicFamily = families.constFirst();
    }
}

void ReadingSettingsController::restore()
{
    apply(ReadingSettings::load(QSettings()));
}

void ReadingSettingsController::addAction(QMenu *view)
{
    QAction *action = view->addAction(tr("&Reading Settings…"), this, &ReadingSettingsController::openDialog);
    action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
}

void ReadingSettingsController::addFacilitatorNotesAction(QMenu *view)
{
    QAction *action = view->addAction(tr("Show &Facilitator Notes"), this, [this](bool on) {
        PageRenderer::Options options = m_pages->renderOptions();
        options.showFacilitatorNotes = on;
        m_pages->setRenderOptions(options);
        m_view->reload();
    });
    action->setCheckable(true);
}

ReadingSettings ReadingSettingsController::settings() const
{
    ReadingSettings settings = m_settings;
    settings.theme = m_themes->theme();
    return settings;
}

void ReadingSettingsController::openDialog()
{
    if (m_dialog)
        return m_dialog->activateWindow();
    const ReadingSettings before = settings();
    m_dialog = new ReadingSettingsDialog(before, m_view->window());
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_dialog, &ReadingSettingsDialog::settingsChanged, this, &ReadingSettingsController::apply);
    connect(m_dialog, &QDialog::finished, this, [this, before](int result) {
        if (result == QDialog::Accepted) {
            QSettings settings;
            m_settings.save(settings);
        } else {
            apply(before);
        }
    });
    m_dialog->open();
}

void ReadingSettingsController::apply(const ReadingSettings &settings)
{
    m_settings = settings.clamped();
    PageRenderer::Options options = m_pages->renderOptions();
    options.reading = m_settings;
    m_pages->setRenderOptions(options);
    if (m_settings.theme != m_themes->theme())
        m_themes->setTheme(m_settings.theme);  // the page is loaded again in the new colours
    // The page on screen takes its new reading style in place, keeping where the reader is.
    const QString css = QString::fromUtf8(QJsonDocument(QJsonArray{ReadingCss::page(m_settings)}).toJson(QJsonDocument::Compact));
    m_view->coursePage()->runJavaScript(
        QStringLiteral("(function(c){const e=document.getElementById('reading-settings');if(e)e.textContent=c;})(%1[0])").arg(css),
        QWebEngineScript::ApplicationWorld);
    QString family;
    if (m_settings.font == ReadingSettings::Font::Dyslexic)
        family = m_dyslexicFamily;
    else if (m_settings.font == ReadingSettings::Font::Serif)
        family = QStringLiteral("DejaVu Serif");
    m_themes->setReadingText(m_settings.textSize / 100.0, family);
    emit changed(m_settings);
}
