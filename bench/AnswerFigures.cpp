#include "AnswerFigures.h"

#include "ActivitySpec.h"
#include "Answer.h"
#include "AnswerAutosaver.h"
#include "AnswerEditor.h"
#include "AnswerEditorFactory.h"
#include "AnswerStore.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonValue>
#include <QPlainTextEdit>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <memory>

namespace {
const QString kCourseId = QStringLiteral("bench");
const QString kActivityId = QStringLiteral("m1/reflect#what-would-you-try");
constexpr int kSaves = 200;
constexpr int kKeystrokes = 2000;

double ms(const QElapsedTimer &timer) { return double(timer.nsecsElapsed()) / 1e6; }

// Nearest-rank percentile of ascending, non-empty values.
double percentile(const QVector<double> &sorted, double fraction)
{
    const auto rank = qsizetype(std::ceil(fraction * double(sorted.size())));
    return sorted.at(std::clamp<qsizetype>(rank - 1, 0, sorted.size() - 1));
}

// Reflection-like prose of `length` characters (the passage repeats).
QString reflectionText(int length)
{
    static const QString passage = QStringLiteral(
        "I would start with a short weekly drop-in where teens choose the project. "
        "Last spring three of them asked for a podcast corner, and I said yes before I knew how it would work. "
        "Co-learning felt awkward at first, but they taught me the editing software. "
        "Next time I would ask more questions and plan less. ");
    QString text;
    while (text.size() < length)
        text += passage;
    text.truncate(length);
    return text;
}

// As the workbook pane builds it from the editor (ActivityPanel::answer).
Answer reflectionAnswer(const QJsonObject &value)
{
    return Answer{kCourseId, kActivityId, ActivitySpec::kindName(ActivitySpec::Kind::Reflection), value, false,
                  QDateTime::currentDateTimeUtc()};
}

// Each save syncs to disk, so this times the disk of the temporary folder: TMPDIR picks it.
QJsonValue commitOneAnswer(bool versionPerSave)
{
    QTemporaryDir dir;
    AnswerStore store;
    const AnswerStore::OpenReport report = store.open(dir.path());
    if (report.status != AnswerStore::OpenReport::Status::Ok)
        return QStringLiteral("failed: ") + report.message;
    if (versionPerSave)
        store.setBurstSeconds(0);
    QVector<double> times;
    QElapsedTimer timer;
    for (int i = 0; i < kSaves; ++i) {
        // One character longer each time: the save after a keystroke at the end of the answer.
        const Answer answer = reflectionAnswer({{QStringLiteral("text"), reflectionText(2000 + i)}});
        timer.start();
        if (!store.save(answer))
            return QStringLiteral("failed: ") + store.lastError();
        times.append(ms(timer));
    }
    std::sort(times.begin(), times.end());
    return QJsonObject{{QStringLiteral("median"), percentile(times, 0.5)},
                       {QStringLiteral("worst"), times.last()},
                       {QStringLiteral("versions_kept"), int(store.history(kCourseId, kActivityId).size())}};
}

// The window the editor is shown in; it notes when each keystroke's change is on screen.
// Qt paints the dirty widgets of a window and flushes its backing store to the window
// system (the X server, or the offscreen image) in one go, while the window handles its
// UpdateRequest; so the first such flush after the key that repainted the text is the
// moment the change left the app. What a compositor does after that no app can see.
class TypingWindow : public QWidget
{
public:
    explicit TypingWindow(const QElapsedTimer &clock)
        : m_clock(clock)
    {
    }

    void watchText(QWidget *viewport) { viewport->installEventFilter(this); }
    void keyPressed(qint64 pressedNs) { m_unpainted.append(pressedNs); }
    const QVector<double> &latenciesMs() const { return m_latenciesMs; }

protected:
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() == QEvent::Paint && !m_unpainted.isEmpty())
            m_textPainted = true;
        return false;
    }

    bool event(QEvent *event) override
    {
        const bool handled = QWidget::event(event);
        if (event->type() == QEvent::UpdateRequest && m_textPainted) {
            const qint64 now = m_clock.nsecsElapsed();
            for (const qint64 pressed : std::as_const(m_unpainted))
                m_latenciesMs.append(double(now - pressed) / 1e6);
            m_unpainted.clear();
            m_textPainted = false;
        }
        return handled;
    }

private:
    const QElapsedTimer &m_clock;
    QVector<qint64> m_unpainted;  // when the keys not yet on screen were pressed
    QVector<double> m_latenciesMs;
    bool m_textPainted = false;
};

QJsonObject spread(QVector<double> values)
{
    std::sort(values.begin(), values.end());
    return {{QStringLiteral("median"), percentile(values, 0.5)},
            {QStringLiteral("p95"), percentile(values, 0.95)},
            {QStringLiteral("worst"), values.last()}};
}

// Types a reflection into a real editor at a typist's pace, its edits going to `store` through
// an AnswerAutosaver as in the app; without a store, the same editor alone (the peer).
QJsonObject typeReflection(AnswerStore *store)
{
    QElapsedTimer clock;
    TypingWindow window(clock);
    ActivitySpec spec;
    spec.id = kActivityId;
    spec.kind = ActivitySpec::Kind::Reflection;
    spec.title = QStringLiteral("What would you try first?");
    AnswerEditor *editor = AnswerEditorFactory::create(spec, &window);
    (new QVBoxLayout(&window))->addWidget(editor);
    QVector<qint64> dueNs;  // when each key was due: key i makes the text i + 1 characters long
    QVector<double> commitMs;  // each save, from the last key in it to the store telling it was written
    std::unique_ptr<AnswerAutosaver> autosaver;
    if (store) {
        autosaver = std::make_unique<AnswerAutosaver>(store);
        QObject::connect(editor, &AnswerEditor::changed, autosaver.get(), [&] { autosaver->edit(reflectionAnswer(editor->value())); });
        QObject::connect(store, &AnswerStore::answerSaved, &window, [&](const Answer &saved) {
            const qsizetype keys = saved.value.value(QStringLiteral("text")).toString().size();
            if (keys > 0 && keys <= dueNs.size())
                commitMs.append(double(clock.nsecsElapsed() - dueNs.at(keys - 1)) / 1e6);
        });
    }
    auto *text = editor->findChild<QPlainTextEdit *>(QStringLiteral("text"));
    window.watchText(text->viewport());
    window.resize(480, 360);  // about the workbook pane
    window.show();
    window.activateWindow();
    if (!QTest::qWaitForWindowActive(&window))
        return {{QStringLiteral("error"), QStringLiteral("the window did not become active")}};
    text->setFocus();

    const QString typed = reflectionText(kKeystrokes);
    QRandomGenerator random(2024);  // the same pace on every run
    QEventLoop loop;
    QTimer keys;
    keys.setSingleShot(true);
    keys.setTimerType(Qt::PreciseTimer);
    qint64 nextDueNs = 0;
    QObject::connect(&keys, &QTimer::timeout, [&] {
        const char key = typed.at(dueNs.size()).toLatin1();
        // Timed from when the key was due, not from when the timer got to send it: a key
        // pressed while a save holds the event loop waits, and the learner sees that wait.
        dueNs.append(std::min(nextDueNs, clock.nsecsElapsed()));
        window.keyPressed(dueNs.last());
        QTest::keyClick(text, key);
        if (dueNs.size() == typed.size()) {
            QTimer::singleShot(2 * AnswerAutosaver::kDebounceMs, &loop, &QEventLoop::quit);  // the last paint and save
            return;
        }
        // 30-60 ms a key; after a sentence, and one word in five, a pause of 200-600 ms: the
        // debounce expires and a save runs between keys, now and then as the next key is due.
        const bool pause = key == '.' || (key == ' ' && random.bounded(5) == 0);
        nextDueNs += qint64(pause ? random.bounded(200, 601) : random.bounded(30, 61)) * 1000000;
        // A typist does not wait for the screen: the next key keeps its time even when this one was late.
        keys.start(int((std::max<qint64>(0, nextDueNs - clock.nsecsElapsed()) + 999999) / 1000000));
    });
    clock.start();
    keys.start(0);
    loop.exec();
    autosaver.reset();  // writes what is left, as quitting does

    if (window.latenciesMs().isEmpty())
        return {{QStringLiteral("error"), QStringLiteral("the text was never painted")}};
    QJsonObject figures = spread(window.latenciesMs());
    figures.insert(QStringLiteral("keystrokes"), int(window.latenciesMs().size()));
    if (store) {
        figures.insert(QStringLiteral("saves"), int(commitMs.size()));
        if (!commitMs.isEmpty())
            figures.insert(QStringLiteral("last_key_to_commit_ms"), spread(commitMs));
    }
    return figures;
}

// Keystroke to screen while the autosaver saves between keystrokes, against the same editor
// with no store attached, typed the same way in the same run.
QJsonValue keystrokeToScreen()
{
    QTemporaryDir dir;
    AnswerStore store;  // default burst coalescing, as the app uses it
    const AnswerStore::OpenReport report = store.open(dir.path());
    if (report.status != AnswerStore::OpenReport::Status::Ok)
        return QStringLiteral("failed: ") + report.message;
    QJsonObject figures = typeReflection(&store);
    const QJsonObject peer = typeReflection(nullptr);
    figures.insert(QStringLiteral("peer_editor_without_store"), peer);
    for (const QString &figure : {QStringLiteral("p95"), QStringLiteral("worst")}) {
        const double peerMs = peer.value(figure).toDouble();
        if (peerMs > 0)
            figures.insert(figure + QStringLiteral("_vs_peer_ratio"), figures.value(figure).toDouble() / peerMs);
    }
    return figures;
}
}  // namespace

QJsonObject AnswerFigures::measure()
{
    return {{QStringLiteral("commit_one_answer_ms"),
             QJsonObject{{QStringLiteral("coalesced"), commitOneAnswer(false)},
                         {QStringLiteral("version_per_save"), commitOneAnswer(true)}}},
            {QStringLiteral("keystroke_to_screen_ms"), keystrokeToScreen()}};
}
