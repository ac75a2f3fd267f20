#pragma once

#include <QLabel>

// A line of status that screen readers hear when it changes ("3 of 12", "No results"):
// Qt 6.4 has no announcement event, so, as the Workbook's save status does, the change goes
// out as the label's accessible name.
class StatusLabel : public QLabel
{
    Q_OBJECT
public:
    // `what` names the status for a screen reader ("Matches", "Search results").
    explicit StatusLabel(const QString &what, QWidget *parent = nullptr);

    void announce(const QString &text);

private:
    QString m_what;
};
