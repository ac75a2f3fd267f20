#pragma once

#include <QObject>
#include <QStringList>

class QWebEnginePage;

// Marks every match of some words in the page shown and steps through them, from the app's
// own script world (course pages run none): <mark> elements around the matched text, the
// current one scrolled into view. Matching folds case and accents ("e" finds "é"). Only the
// page's text is touched, never a form field; a new document starts with no marks.
class PageHighlighter : public QObject
{
    Q_OBJECT
public:
    explicit PageHighlighter(QWebEnginePage *page, QObject *parent = nullptr);

    // Marks each occurrence of any of `needles` and makes the first the current one.
    // An empty list clears the marks.
    void highlight(const QStringList &needles);
    void step(int direction);  // +1 the next match, -1 the previous, wrapping around
    void clear();

    QStringList needles() const { return m_needles; }
    int count() const { return m_count; }
    int current() const { return m_current; }  // 1-based, 0 with no match

signals:
    // After each highlight() or step(), once the page has answered.
    void matchesChanged(int current, int count);

private:
    void run(const QString &call);

    QWebEnginePage *m_page;
    QStringList m_needles;
    int m_count = 0;
    int m_current = 0;
    quint64 m_generation = 0;  // answers to superseded calls are dropped
};
