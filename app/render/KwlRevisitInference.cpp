#include "KwlRevisitInference.h"

#include "Course.h"

#include <QRegularExpression>

#include <utility>

KwlRevisitInference::KwlRevisitInference(EarlierKwls earlier)
    : m_findEarlier(std::move(earlier))
{
}

bool KwlRevisitInference::asksToReturn(const QString &blockText)
{
    static const auto word = [](const char *pattern) {
        return QRegularExpression(QString::fromLatin1(pattern), QRegularExpression::CaseInsensitiveOption);
    };
    static const QRegularExpression goBack = word("\\b(back|return\\w*|revisit\\w*)\\b");
    static const QRegularExpression chart = word("\\b(K-?W-?L|worksheet|chart)\\b");
    static const QRegularExpression learned = word("\\blearn(ed|t)\\b");
    return goBack.match(blockText).hasMatch() && chart.match(blockText).hasMatch() && learned.match(blockText).hasMatch();
}

QVector<KwlRevisitInference::Kwl> KwlRevisitInference::kwlsBefore(const Course &course, const CoursePage &page,
                                                                  const DetectActivities &detect)
{
    QVector<Kwl> kwls;
    const CourseModule *module = course.findModule(page.moduleId);
    if (!module)
        return kwls;
    for (const CoursePage &earlier : module->pages) {
        if (earlier.id == page.id)
            break;
        KwlRevisitInference onEarlierPage([&kwls] { return kwls; });
        detect(earlier, onEarlierPage);
        kwls = onEarlierPage.kwls();
    }
    return kwls;
}

std::optional<KwlRevisitInference::Kwl> KwlRevisitInference::returnTarget(const QString &title, const QString &blockText)
{
    if (!asksToReturn(blockText))
        return std::nullopt;
    const QVector<Kwl> before = kwls();
    if (before.size() != 1)
        return std::nullopt;
    m_returns.append({title, before.first()});
    return before.first();
}

void KwlRevisitInference::addKwl(const ActivitySpec &kwl, const QString &blockText, const QString &file)
{
    // A KWL worded as a way back (that found no single one to return to) starts nothing new;
    // the module's first KWL may well say that the learner will come back to it.
    if (asksToReturn(blockText) && !kwls().isEmpty())
        return;
    m_onThisPage.append({kwl.id, kwl.title, file});
}

QVector<KwlRevisitInference::Kwl> KwlRevisitInference::kwls()
{
    return earlier() + m_onThisPage;
}

const QVector<KwlRevisitInference::Kwl> &KwlRevisitInference::earlier()
{
    if (!m_earlier)
        m_earlier = m_findEarlier ? m_findEarlier() : QVector<Kwl>();
    return *m_earlier;
}
