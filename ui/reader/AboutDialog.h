#pragma once

#include <QDialog>

// Help ▸ About: the version (the one in the top-level project()) and what Coursebook is built
// from, each part with its licence, as the licences of the bundled libraries and fonts ask.
class AboutDialog : public QDialog
{
    Q_OBJECT

public:
    explicit AboutDialog(QWidget *parent = nullptr);

    // The dialog's text as HTML (also what a screen reader reads from its text view).
    static QString html();
};
