#pragma once

#include "HtmlDom.h"

#include <QHash>
#include <QString>
#include <QVector>

// A rendered page's body as slides need it: its facilitator notes taken out (they go to the
// presenter, never on a slide), the workbook cards the reader puts under activities dropped
// (their state is the learner's progress), and its top-level blocks grouped by `##` section.
class PageSections
{
public:
    struct Section {
        QString heading;  // the `##` heading's text; empty for the blocks before the first one
        QVector<xmlNodePtr> blocks;
    };

    explicit PageSections(const QString &bodyHtml);

    const QVector<Section> &sections() const { return m_sections; }
    QString notesHtml() const { return m_notesHtml; }
    // The activity a top-level block holds, by the id its card carried; empty for none.
    QString activityIn(xmlNodePtr block) const { return m_activities.value(block); }

    // Facilitator notes out of an HTML fragment (an activity's prompt holds them too).
    static QString withoutNotes(const QString &html);

private:
    HtmlDom m_dom;
    QVector<Section> m_sections;
    QString m_notesHtml;
    QHash<xmlNodePtr, QString> m_activities;
};
