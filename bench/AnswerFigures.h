#pragma once

#include <QJsonObject>

// Figures for writing an answer: what one save to the store costs, and how long a
// keystroke takes to reach the screen while the autosaver saves between keystrokes (median,
// p95 and worst of 2,000 keys, against the same editor with no store in the same run, and
// from the last key of each save to its commit, which the README promises within 300 ms).
// Needs a QApplication (the editor is a real widget in a shown window).
class AnswerFigures
{
public:
    static QJsonObject measure();  // {"commit_one_answer_ms": ..., "keystroke_to_screen_ms": ...}
};
