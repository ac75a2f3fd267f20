#include "ActivityCards.h"

#include "AnswerAutosaver.h"
#include "AnswerProgress.h"
#include "AnswerStore.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QWebEnginePage>
#include <QWebEngineScript>

void ActivityCards::showProgress(QWebEnginePage *page, const QString &courseId, const QVector<ActivitySpec> &activities,
                                 const AnswerStore &store, const AnswerAutosaver &autosaver)
{
    if (activities.isEmpty())
        return;
    QJsonObject states;
    for (const ActivitySpec &spec : activities) {
        std::optional<Answer> answer = autosaver.pending(courseId, spec.id);
        if (!answer)
            answer = store.answer(courseId, spec.id);
        const AnswerProgress::Stage stage = AnswerProgress::of(answer ? &*answer : nullptr);
        const QString updated = answer && stage != AnswerProgress::Stage::NotStarted
            ? QCoreApplication::translate("ActivityCards", "Last edit %1")
                  .arg(QLocale().toString(answer->updated.toLocalTime(), QLocale::ShortFormat))
            : QString();
        states.insert(spec.id, QJsonObject{{QStringLiteral("css"), AnswerProgress::cssName(stage)},
                                           {QStringLiteral("label"), AnswerProgress::label(stage)},
                                           {QStringLiteral("updated"), updated}});
    }
    // Runs in the application world: page scripts stay off, the app's own script does not.
    const QString script = QStringLiteral(
        "(function(states){for(const card of document.querySelectorAll('.activity-card')){"
        "const s=states[card.dataset.activityId];if(!s)continue;"
        "const st=card.querySelector('.activity-state');st.className='activity-state state-'+s.css;st.textContent=s.label;"
        "card.querySelector('.activity-updated').textContent=s.updated;}})(%1)")
        .arg(QString::fromUtf8(QJsonDocument(states).toJson(QJsonDocument::Compact)));
    page->runJavaScript(script, QWebEngineScript::ApplicationWorld);
}
