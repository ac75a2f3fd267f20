#pragma once

#include "ActivitySpec.h"

#include <QString>
#include <QVector>

#include <functional>
#include <optional>

struct Course;
struct CoursePage;

// docs/course-format.md section 4: a block that sends the learner back to the KWL from the
// start of its module, to fill in the Learned column, is that KWL again (one answer), as
// data-revisit says explicitly. Inferred only when the block's words say so and the module
// has exactly one KWL before it. One instance per page rendered, fed its activities in order.
class KwlRevisitInference
{
public:
    struct Kwl {
        QString id;
        QString title;
        QString file;  // of the page that holds it, relative to the course root
    };
    struct Return {
        QString title;  // of the block that returns
        Kwl kwl;
    };
    // The module's KWLs on the pages before this one. Asked at most once, and only when the
    // page has a block that asks to go back: finding them means rendering those pages.
    using EarlierKwls = std::function<QVector<Kwl>()>;
    // Finds the activities of `page` (a renderer's pass), feeding them to `kwls`.
    using DetectActivities = std::function<void(const CoursePage &page, KwlRevisitInference &kwls)>;

    explicit KwlRevisitInference(EarlierKwls earlier = {});

    // Back / return / revisit, a KWL / worksheet / chart, and what was learned.
    static bool asksToReturn(const QString &blockText);
    // The KWLs of the pages of `page`'s module before it.
    static QVector<Kwl> kwlsBefore(const Course &course, const CoursePage &page, const DetectActivities &detect);

    // The KWL that the block titled `title` returns to, if it asks to and there is exactly one
    // to return to; remembered for returns().
    std::optional<Kwl> returnTarget(const QString &title, const QString &blockText);
    // A KWL of this page, unless its words ask to go back to one met before it.
    void addKwl(const ActivitySpec &kwl, const QString &blockText, const QString &file);

    QVector<Kwl> kwls();  // every KWL of the module up to here, in order
    const QVector<Return> &returns() const { return m_returns; }

private:
    const QVector<Kwl> &earlier();

    EarlierKwls m_findEarlier;
    std::optional<QVector<Kwl>> m_earlier;
    QVector<Kwl> m_onThisPage;
    QVector<Return> m_returns;
};
