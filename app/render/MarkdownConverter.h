#pragma once

#include <QString>
#include <QStringList>

// Markdown to an HTML fragment with cmark-gfm (CommonMark and pipe tables, raw HTML kept,
// smart punctuation as kramdown does), after the kramdown-isms of docs/course-format.md section 2 are handled:
// <div markdown="1"> blocks render their inside as Markdown, a <div> without it stays
// one raw HTML block even across blank lines, attribute lists {: ...} and header ids
// {#id} are removed, HTML and {::comment} comments are dropped and Obsidian [[wiki links]]
// become plain text.
class MarkdownConverter
{
public:
    static QString toHtml(const QString &markdown);

    // Text with no Markdown structure (a .txt saved from a word processor): one
    // paragraph per line, short title-like lines as headings, [bookmark: ...] dropped.
    static QString plainTextToHtml(const QString &text);
    static bool looksLikeMarkdown(const QString &text);

private:
    explicit MarkdownConverter(QStringList *stash);
    QString convert(const QString &markdown);
    QString protectBlocks(const QString &text, bool rawMode);
    QString stash(const QString &html);

    QStringList *m_stash;
};
