#include "KeystrokeFigures.h"

#include "AnswerStore.h"
#include "CourseSearchPanel.h"
#include "FindController.h"
#include "MainWindow.h"
#include "SearchIndex.h"
#include "SearchResultList.h"
#include "SearchWorker.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QListWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QVBoxLayout>

#include <algorithm>
#include <functional>

namespace {
// Words of the bundled course, typed one key at a time from their third letter on.
const QStringList kWords{QStringLiteral("learning"), QStringLiteral("library"), QStringLiteral("connected"),
                         QStringLiteral("mentors"), QStringLiteral("interests"), QStringLiteral("workbook"),
                         QStringLiteral("program"), QStringLiteral("community"), QStringLiteral("reflection"),
                         QStringLiteral("partners")};

double now(const QElapsedTimer &clock) { return double(clock.nsecsElapsed()) / 1e6; }

bool waitFor(const std::function<bool()> &done, int timeoutMs)
{
    for (QDeadlineTimer deadline(timeoutMs); !deadline.hasExpired(); QCoreApplication::processEvents(QEventLoop::AllEvents, 2)) {
        if (done())
            return true;
    }
    return done();
}

QJsonObject spread(QVector<double> runs)
{
    if (runs.isEmpty())
        return {{QStringLiteral("error"), QStringLiteral("no keystroke finished")}};
    std::sort(runs.begin(), runs.end());
    return {{QStringLiteral("median_ms"), runs.at(runs.size() / 2)}, {QStringLiteral("worst_ms"), runs.last()},
            {QStringLiteral("keystrokes"), int(runs.size())}};
}

// When a list's viewport was last painted.
class PaintClock : public QObject
{
public:
    PaintClock(QWidget *viewport, const QElapsedTimer &clock) : m_clock(clock) { viewport->installEventFilter(this); }
    double last = -1;

protected:
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() == QEvent::Paint)
            last = now(m_clock);
        return false;
    }

private:
    const QElapsedTimer &m_clock;
};

// Types each word into `field` from its third letter, timing each key to the list painted
// after `ready` says the answer for the new text is in.
QVector<double> typeWords(QLineEdit *field, QWidget *viewport, const std::function<bool()> &ready, const QElapsedTimer &clock)
{
    PaintClock paints(viewport, clock);
    QVector<double> runs;
    for (const QString &word : kWords) {
        field->setText(word.left(2));
        waitFor(ready, 5000);
        for (qsizetype k = 2; k < word.size(); ++k) {
            const double pressed = now(clock);
            QTest::keyClick(field, word.at(k).toLatin1());
            if (!waitFor([&] { return ready() && paints.last > pressed; }, 5000))
                continue;
            runs << paints.last - pressed;
        }
    }
    return runs;
}
}  // namespace

QJsonObject KeystrokeFigures::measure(const QString &coursePath)
{
    QTemporaryDir data;
    MainWindow window(coursePath, QString(), data.path());
    auto *find = new FindController(&window);
    window.resize(1366, 768);
    window.show();
    CourseSearchPanel *panel = find->searchPanel();
    panel->open();
    QString shownFor;
    QObject::connect(panel, &CourseSearchPanel::resultsShown, panel, [&] { shownFor = panel->field()->text(); });
    // The index is built (or found up to date) on the search thread first.
    panel->field()->setText(QStringLiteral("learning"));
    if (!waitFor([&] { return shownFor == QStringLiteral("learning"); }, 120000))
        return {{QStringLiteral("error"), QStringLiteral("the index was not ready in two minutes")}};

    QElapsedTimer clock;
    clock.start();
    QJsonObject figures;
    figures.insert(QStringLiteral("keystroke_to_results_painted"),
                   spread(typeWords(panel->field(), panel->results()->viewport(),
                                    [&] { return shownFor == panel->field()->text(); }, clock)));

    // The peer: the same query, on the UI thread, into a bare list.
    const Course &course = window.course();
    SearchIndex index(window.answerStore()->databasePath());
    QString error;
    if (!index.open(&error))
        return figures;
    QWidget peer;
    auto *layout = new QVBoxLayout(&peer);
    auto *field = new QLineEdit(&peer);
    auto *list = new QListWidget(&peer);
    layout->addWidget(field);
    layout->addWidget(list);
    QString listedFor;
    QObject::connect(field, &QLineEdit::textChanged, list, [&](const QString &text) {
        list->clear();
        for (const SearchHit &hit : index.search(course, text, SearchWorker::kResultLimit, &error))
            list->addItem(hit.title);
        listedFor = text;
    });
    peer.resize(680, 500);
    peer.show();
    figures.insert(QStringLiteral("peer_bare_list_same_query_ms"),
                   spread(typeWords(field, list->viewport(), [&] { return listedFor == field->text(); }, clock)));
    return figures;
}
