#include "ReadingSettingsDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace {
QDoubleSpinBox *spacingBox(double maximum, double step, const QString &suffix, QWidget *parent)
{
    auto *box = new QDoubleSpinBox(parent);
    box->setDecimals(2);
    box->setSingleStep(step);
    box->setMaximum(maximum);
    box->setSuffix(suffix);
    return box;
}

// The label is what a screen reader says for the field; the same words, without the
// mnemonic, are its accessible name, so the name holds when the label is not its buddy.
void addRow(QFormLayout *form, const QString &label, QWidget *field)
{
    auto *text = new QLabel(label, form->parentWidget());
    text->setBuddy(field);
    const QString name = QString(label).remove(QLatin1Char('&')).remove(QLatin1Char(':'));
    field->setAccessibleName(name);
    // A spin box's focus goes to the line edit inside it: that is what the reader lands on.
    if (auto *edit = field->findChild<QLineEdit *>())
        edit->setAccessibleName(name);
    form->addRow(text, field);
}
}  // namespace

ReadingSettingsDialog::ReadingSettingsDialog(const ReadingSettings &settings, QWidget *parent)
    : QDialog(parent)
    , m_textSize(new QSpinBox(this))
    , m_font(new QComboBox(this))
    , m_lineSpacing(spacingBox(ReadingSettings::kMaxLineSpacing, 0.1, tr(" × text size"), this))
    , m_letterSpacing(spacingBox(ReadingSettings::kMaxLetterSpacing, 0.02, tr(" em"), this))
    , m_wordSpacing(spacingBox(ReadingSettings::kMaxWordSpacing, 0.05, tr(" em"), this))
    , m_readingWidth(new QSpinBox(this))
    , m_theme(new QComboBox(this))
    , m_noItalics(new QCheckBox(tr("No &italics (emphasis stays upright)"), this))
    , m_underlineLinks(new QCheckBox(tr("&Underline links"), this))
{
    setWindowTitle(tr("Reading Settings"));
    m_textSize->setRange(ReadingSettings::kMinTextSize, ReadingSettings::kMaxTextSize);
    m_textSize->setSingleStep(10);
    m_textSize->setSuffix(tr("%"));
    m_font->addItem(tr("Standard (sans serif)"), int(ReadingSettings::Font::Standard));
    m_font->addItem(tr("Serif"), int(ReadingSettings::Font::Serif));
    m_font->addItem(tr("OpenDyslexic (dyslexia-friendly)"), int(ReadingSettings::Font::Dyslexic));
    m_lineSpacing->setMinimum(ReadingSettings::kMinLineSpacing);
    m_readingWidth->setRange(ReadingSettings::kMinReadingWidth, ReadingSettings::kMaxReadingWidth);
    m_readingWidth->setSingleStep(4);
    m_readingWidth->setSuffix(tr(" characters"));
    const QStringList themeNames = {tr("Follow the system"), tr("Light"), tr("Sepia"), tr("Dark"), tr("High contrast")};
    const QStringList themes = ReadingSettings::themes();
    for (int i = 0; i < themes.size(); ++i)
        m_theme->addItem(themeNames.value(i), themes.at(i));

    auto *form = new QFormLayout;
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    addRow(form, tr("Text &size:"), m_textSize);
    addRow(form, tr("&Font:"), m_font);
    addRow(form, tr("&Line spacing:"), m_lineSpacing);
    addRow(form, tr("L&etter spacing:"), m_letterSpacing);
    addRow(form, tr("&Word spacing:"), m_wordSpacing);
    addRow(form, tr("Reading &width:"), m_readingWidth);
    addRow(form, tr("&Theme:"), m_theme);
    form->addRow(m_noItalics);
    form->addRow(m_underlineLinks);
    auto *note = new QLabel(tr("Text size reflows the page; zoom (Ctrl++) still enlarges everything. "
                               "Exports use the font, text size and line spacing."),
                            this);
    note->setWordWrap(true);
    layout->addWidget(note);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::RestoreDefaults, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this, [this] {
        ReadingSettings defaults;
        defaults.theme = this->settings().theme;  // the theme has a menu of its own; defaults leave it
        setSettings(defaults);
        emit settingsChanged(this->settings());
    });
    layout->addWidget(buttons);

    setSettings(settings);
    const auto changed = [this] {
        if (!m_filling)
            emit settingsChanged(this->settings());
    };
    for (QSpinBox *box : {m_textSize, m_readingWidth})
        connect(box, &QSpinBox::valueChanged, this, changed);
    for (QDoubleSpinBox *box : {m_lineSpacing, m_letterSpacing, m_wordSpacing})
        connect(box, &QDoubleSpinBox::valueChanged, this, changed);
    for (QComboBox *box : {m_font, m_theme})
        connect(box, &QComboBox::currentIndexChanged, this, changed);
    for (QCheckBox *box : {m_noItalics, m_underlineLinks})
        connect(box, &QCheckBox::toggled, this, changed);
    m_textSize->setFocus();
}

ReadingSettings ReadingSettingsDialog::settings() const
{
    ReadingSettings s;
    s.textSize = m_textSize->value();
    s.font = ReadingSettings::Font(m_font->currentData().toInt());
    s.lineSpacing = m_lineSpacing->value();
    s.letterSpacing = m_letterSpacing->value();
    s.wordSpacing = m_wordSpacing->value();
    s.readingWidth = m_readingWidth->value();
    s.theme = m_theme->currentData().toString();
    s.noItalics = m_noItalics->isChecked();
    s.underlineLinks = m_underlineLinks->isChecked();
    return s.clamped();
}

void ReadingSettingsDialog::setSettings(const ReadingSettings &settings)
{
    const ReadingSettings s = settings.clamped();
    m_filling = true;
    m_textSize->setValue(s.textSize);
    m_font->setCurrentIndex(m_font->findData(int(s.font)));
    m_lineSpacing->setValue(s.lineSpacing);
    m_letterSpacing->setValue(s.letterSpacing);
    m_wordSpacing->setValue(s.wordSpacing);
    m_readingWidth->setValue(s.readingWidth);
    m_theme->setCurrentIndex(m_theme->findData(s.theme));
    m_noItalics->setChecked(s.noItalics);
    m_underlineLinks->setChecked(s.underlineLinks);
    m_filling = false;
}
