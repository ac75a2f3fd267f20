#include "ThemeSwitcher.h"

#include "CourseSchemeHandler.h"
#include "ThemeStyle.h"

#include <QActionGroup>
#include <QApplication>
#include <QMenu>
#include <QSettings>

namespace {
const QString kTheme = QStringLiteral("view/theme");
}  // namespace

ThemeSwitcher::ThemeSwitcher(CourseSchemeHandler *pages, QWidget *restyled, QObject *parent)
    : QObject(parent)
    , m_pages(pages)
    , m_restyled(restyled)
    , m_systemPalette(QApplication::palette())
{
}

void ThemeSwitcher::restore()
{
    setTheme(QSettings().value(kTheme, QStringLiteral("system")).toString());
}

void ThemeSwitcher::setTheme(const QString &theme)
{
    m_theme = theme;
    QSettings().setValue(kTheme, theme);
    PageRenderer::Options options = m_pages->renderOptions();
    options.theme = effectiveTheme();
    m_pages->setRenderOptions(options);
    QApplication::setPalette(ThemeStyle::palette(effectiveTheme(), m_theme == QLatin1String("system"), m_systemPalette));
    applyStyleSheet();
    emit pageColoursChanged();
}

void ThemeSwitcher::setTextScale(double scale)
{
    // A new application style sheet restyles every widget: only when the size changes.
    if (qFuzzyCompare(scale, m_textScale))
        return;
    m_textScale = scale;
    applyStyleSheet();
}

void ThemeSwitcher::setReadingText(double size, const QString &family)
{
    if (qFuzzyCompare(size, m_readingSize) && family == m_readingFamily)
        return;
    m_readingSize = size;
    m_readingFamily = family;
    applyStyleSheet();
}

void ThemeSwitcher::addMenu(QMenu *view)
{
    QMenu *themes = view->addMenu(tr("&Theme"));
    auto *themeGroup = new QActionGroup(themes);
    const QList<QPair<QString, QString>> themeNames = {{QStringLiteral("system"), tr("Follow &System")},
                                                       {QStringLiteral("light"), tr("&Light")},
                                                       {QStringLiteral("sepia"), tr("S&epia")},
                                                       {QStringLiteral("dark"), tr("&Dark")},
                                                       {QStringLiteral("high-contrast"), tr("&High Contrast")}};
    for (const auto &[key, label] : themeNames) {
        QAction *action = themes->addAction(label, this, [this, key = key] { setTheme(key); });
        action->setCheckable(true);
        action->setData(key);
        themeGroup->addAction(action);
    }
    connect(themes, &QMenu::aboutToShow, this, [this, themeGroup] {
        for (QAction *action : themeGroup->actions())
            action->setChecked(action->data().toString() == m_theme);
    });
}

QString ThemeSwitcher::effectiveTheme() const
{
    if (m_theme != QLatin1String("system"))
        return m_theme;
    return m_systemPalette.color(QPalette::Window).lightness() < 128 ? QStringLiteral("dark") : QStringLiteral("light");
}

void ThemeSwitcher::applyStyleSheet()
{
    qApp->setStyleSheet(ThemeStyle::styleSheet(QApplication::palette(), effectiveTheme() == QLatin1String("high-contrast"))
                        + ThemeStyle::textSizeRules(QApplication::font().pointSizeF() * m_textScale * m_readingSize, m_readingFamily));
    // A widget with a style sheet keeps its old palette until it is polished again.
    m_restyled->setStyleSheet(m_restyled->styleSheet());
}
