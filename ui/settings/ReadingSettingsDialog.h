#pragma once

#include "ReadingSettings.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QSpinBox;

// View ▸ Reading Settings…: every reading setting in one form, shown live as it changes
// (settingsChanged), kept on OK, undone on Cancel (the caller applies what it is given).
// Every field has a label the screen reader names it by; Restore Defaults resets the form.
class ReadingSettingsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ReadingSettingsDialog(const ReadingSettings &settings, QWidget *parent = nullptr);

    ReadingSettings settings() const;
    void setSettings(const ReadingSettings &settings);

signals:
    void settingsChanged(const ReadingSettings &settings);

private:
    QSpinBox *m_textSize;
    QComboBox *m_font;
    QDoubleSpinBox *m_lineSpacing;
    QDoubleSpinBox *m_letterSpacing;
    QDoubleSpinBox *m_wordSpacing;
    QSpinBox *m_readingWidth;
    QComboBox *m_theme;
    QCheckBox *m_noItalics;
    QCheckBox *m_underlineLinks;
    bool m_filling = false;  // setSettings() is filling the form: no change to report
};
