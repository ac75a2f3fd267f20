#pragma once

#include <QJsonObject>

// "Keystroke to results painted" in the course search (Ctrl+K): from a key pressed in the
// search field to the results list painted with the hits for what is now typed, median and
// worst over many keystrokes on one course. The figure includes the field's 150 ms debounce and
// the trip to the search thread. The peer, in the same run: a bare QLineEdit whose every
// keystroke runs the same SearchIndex query on the UI thread and fills a plain QListWidget
// with the hits' titles (no debounce, no thread, no grouping, no snippets).
class KeystrokeFigures
{
public:
    static QJsonObject measure(const QString &coursePath);
};
