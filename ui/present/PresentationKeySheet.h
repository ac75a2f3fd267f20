#pragma once

#include <QDialog>

class ClickerKeyMap;

// The keys while presenting (?), read from the clicker key map, the facilitator's own
// clicker assignments included. Shown on the laptop's screen, never on the wall.
class PresentationKeySheet : public QDialog
{
    Q_OBJECT
public:
    explicit PresentationKeySheet(const ClickerKeyMap &keys, QWidget *parent = nullptr);
};
