#pragma once

#include <QPointer>
#include <QToolBar>

class PageHighlighter;
class QLineEdit;
class StatusLabel;

// Edit ▸ Find in Page (Ctrl+F): a bar under the page, as in a browser. What is typed is
// marked in the page at once, the count shown and announced ("3 of 12"); Enter and
// Shift+Enter step through the matches (as F3 and Shift+F3 do anywhere); Esc closes the bar,
// clears the marks and gives the focus back to where it was.
class FindBar : public QToolBar
{
    Q_OBJECT
public:
    FindBar(PageHighlighter *highlighter, QWidget *parent = nullptr);

    void open();   // shows the bar with its text selected, remembering where the focus was
    void close();  // Esc
    QLineEdit *field() const { return m_field; }
    StatusLabel *status() const { return m_status; }
    void findAgain();  // the bar's text in a page just loaded

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void showMatches(int current, int count);

    PageHighlighter *m_highlighter;
    QLineEdit *m_field;
    StatusLabel *m_status;
    QPointer<QWidget> m_focusBefore;
};
