// Tests for SlideDocument in Qt WebEngine, as presentation mode shows it (issue 13, items 1, 3
// and 4): the document served by the course: scheme in the offline profile (page JavaScript
// off), driven by controlScript() from the ApplicationWorld. Every slide of the bundled course
// is drawn at a projector's sizes and must fit its screen: the slide budget's estimate and the
// style sheet's layout agree.

#include "CourseLoader.h"
#include "CourseSchemeHandler.h"
#include "CourseUrl.h"
#include "OfflineWebProfile.h"
#include "SlideDocument.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>
#include <QWebEnginePage>
#include <QWebEngineScript>
#include <QWebEngineSettings>
#include <QWebEngineView>

#include <memory>

class TestGuiSlideDocument : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void everySlideFitsItsScreen_data();
    void everySlideFitsItsScreen();
    void controlScriptDrivesTheDocument();

private:
    bool show(const SlideDeck &deck, const SlideDocument::Options &options, QSize size);
    QVariant run(const QString &script);

    std::shared_ptr<const Course> m_course;
    OfflineWebProfile *m_profile = nullptr;
    std::unique_ptr<QWebEngineView> m_view;
};

void TestGuiSlideDocument::initTestCase()
{
    m_course = std::make_shared<const Course>(CourseLoader::load(QStringLiteral(BUNDLED_COURSE_DIR)));
    QVERIFY(m_course->modules.size() >= 5);
    m_profile = new OfflineWebProfile(this);
    m_profile->schemeHandler()->setCourse(m_course);
    m_view = std::make_unique<QWebEngineView>();
    m_view->setPage(new QWebEnginePage(m_profile, m_view.get()));
    QVERIFY(!m_view->page()->settings()->testAttribute(QWebEngineSettings::JavascriptEnabled));
}

// Loads the deck's document in a view of `size`, and the control script after it.
bool TestGuiSlideDocument::show(const SlideDeck &deck, const SlideDocument::Options &options, QSize size)
{
    m_view->resize(size);
    m_view->show();
    if (!QTest::qWaitForWindowExposed(m_view.get()))
        return false;
    m_profile->schemeHandler()->setSlides(deck.moduleId(), SlideDocument::html(deck, options).toUtf8());
    QSignalSpy finished(m_view.get(), &QWebEngineView::loadFinished);
    m_view->load(CourseUrl::slides(deck.moduleId()));
    if (!finished.wait(30000) || !finished.first().first().toBool())
        return false;
    return run(SlideDocument::controlScript() + QStringLiteral(";typeof coursebookSlides")).toString() == QLatin1String("object");
}

QVariant TestGuiSlideDocument::run(const QString &script)
{
    QVariant result;
    bool done = false;
    m_view->page()->runJavaScript(script, QWebEngineScript::ApplicationWorld, [&](const QVariant &value) {
        result = value;
        done = true;
    });
    return QTest::qWaitFor([&] { return done; }, 20000) ? result : QVariant(QStringLiteral("<no answer>"));
}

void TestGuiSlideDocument::everySlideFitsItsScreen_data()
{
    QTest::addColumn<QSize>("size");
    QTest::addColumn<double>("zoom");
    QTest::addColumn<QString>("theme");
    QTest::newRow("1920x1080") << QSize(1920, 1080) << 1.0 << QStringLiteral("light");
    QTest::newRow("1024x768") << QSize(1024, 768) << 1.0 << QStringLiteral("dark");
    QTest::newRow("1024x768 zoom 1.5") << QSize(1024, 768) << 1.5 << QStringLiteral("high-contrast");
}

void TestGuiSlideDocument::everySlideFitsItsScreen()
{
    QFETCH(QSize, size);
    QFETCH(double, zoom);
    QFETCH(QString, theme);
    const SlideBudget budget = SlideBudget::forScreen(size, zoom);
    // Each slide shown in turn: how tall its canvas's content is, and how much it was shrunk.
    const QString measure = QStringLiteral(R"js(
        (function () {
          // High contrast: black, white and yellow only (and nothing drawn).
          var allowed = {'rgb(0, 0, 0)': 1, 'rgb(255, 255, 255)': 1, 'rgb(255, 255, 0)': 1, 'rgba(0, 0, 0, 0)': 1};
          var highContrast = document.documentElement.getAttribute('data-theme') === 'high-contrast';
          function oddColour(slide) {
            var elements = highContrast ? slide.querySelectorAll('*') : [];
            for (var e = 0; e < elements.length; ++e) {
              var style = getComputedStyle(elements[e]);
              var props = ['color', 'backgroundColor', 'borderLeftColor', 'borderTopColor'];
              for (var p = 0; p < props.length; ++p) {
                if (!allowed[style[props[p]]])
                  return elements[e].tagName + '.' + elements[e].className + ' ' + props[p] + ' ' + style[props[p]];
              }
            }
            return '';
          }
          var out = [];
          for (var n = 0; n < coursebookSlides.count(); ++n) {
            coursebookSlides.show(n);
            var slide = document.querySelector('section.slide.current');
            var canvas = slide.querySelector('.slide-canvas');
            var content = slide.querySelector('.slide-content');
            var body = slide.querySelector('.slide-fit');
            out.push({id: slide.id, fits: content.scrollHeight <= content.clientHeight + 1,
                      wide: canvas.scrollWidth <= canvas.clientWidth + 1, zoom: Number(body ? body.style.zoom || 1 : 1),
                      label: slide.getAttribute('aria-label'), odd: oddColour(slide)});
          }
          return JSON.stringify({font: getComputedStyle(document.documentElement).fontSize, slides: out});
        })())js");
    int slides = 0, shrunk = 0;
    for (const CourseModule &module : m_course->modules) {
        const SlideDeck deck = SlideDeck::forModule(*m_course, module.id, {}, budget);
        SlideDocument::Options options;
        options.theme = theme;
        options.zoom = zoom;
        QVERIFY(show(deck, options, size));
        const QJsonObject result = QJsonDocument::fromJson(run(measure).toString().toUtf8()).object();
        // The type the style sheet draws is the one the budget counted with.
        QCOMPARE(qRound(result.value(QLatin1String("font")).toString().chopped(2).toDouble()), qRound(SlideBudget::fontPixels(size, zoom)));
        const QJsonArray measured = result.value(QLatin1String("slides")).toArray();
        QCOMPARE(measured.size(), deck.count());
        for (const QJsonValue &value : measured) {
            const QJsonObject slide = value.toObject();
            const QByteArray where = (module.id + QLatin1Char(' ') + slide.value(QLatin1String("label")).toString()).toUtf8();
            QVERIFY2(slide.value(QLatin1String("fits")).toBool(), where);
            QVERIFY2(slide.value(QLatin1String("wide")).toBool(), where);
            QVERIFY2(slide.value(QLatin1String("odd")).toString().isEmpty(), where + ": " + slide.value(QLatin1String("odd")).toString().toUtf8());
            if (slide.value(QLatin1String("zoom")).toDouble() < 1) {
                ++shrunk;
                qInfo("shrunk to %.2f: %s", slide.value(QLatin1String("zoom")).toDouble(), where.constData());
            }
            ++slides;
        }
    }
    // The estimate is right for nearly every slide: shrinking is the exception.
    QVERIFY2(shrunk * 10 <= slides, qPrintable(QStringLiteral("%1 of %2 slides shrunk").arg(shrunk).arg(slides)));
}

void TestGuiSlideDocument::controlScriptDrivesTheDocument()
{
    const QString moduleId = QStringLiteral("planning-your-program");
    const SlideDeck deck = SlideDeck::forModule(*m_course, moduleId, {}, SlideBudget::forScreen(QSize(1024, 768), 1.0));
    int activity = -1;
    for (int index = 0; index < deck.count() && activity < 0; ++index)
        activity = deck.slides()[index].kind == Slide::Kind::Activity ? index : -1;
    QVERIFY(activity > 0);
    QVERIFY(show(deck, {}, QSize(1024, 768)));
    const QString visible = QStringLiteral(
        "Array.prototype.filter.call(document.querySelectorAll('section.slide'), function (s) {"
        " return getComputedStyle(s).display !== 'none'; }).map(function (s) { return s.id; }).join(' ')");
    QCOMPARE(run(visible).toString(), QStringLiteral("slide-1"));
    QCOMPARE(run(QStringLiteral("coursebookSlides.show(3)")).toInt(), 3);
    QCOMPARE(run(visible).toString(), QStringLiteral("slide-4"));
    QCOMPARE(run(QStringLiteral("coursebookSlides.show(%1)").arg(deck.count())).toInt(), 3);  // past the end: stays
    QCOMPARE(run(QStringLiteral("coursebookSlides.current()")).toInt(), 3);

    const QString blankColour = QStringLiteral("(function () { var b = document.getElementById('slide-blank');"
                                               " var s = getComputedStyle(b); return s.display === 'none' ? 'none' : s.backgroundColor; })()");
    run(QStringLiteral("coursebookSlides.blank('black')"));
    QCOMPARE(run(blankColour).toString(), QStringLiteral("rgb(0, 0, 0)"));
    run(QStringLiteral("coursebookSlides.blank('white')"));
    QCOMPARE(run(blankColour).toString(), QStringLiteral("rgb(255, 255, 255)"));
    run(QStringLiteral("coursebookSlides.blank('')"));
    QCOMPARE(run(blankColour).toString(), QStringLiteral("none"));

    // The overview: a card per slide, the selected one marked, a click's point found.
    run(QStringLiteral("coursebookSlides.overview(true, 2)"));
    QCOMPARE(run(QStringLiteral("getComputedStyle(document.getElementById('slide-overview')).display")).toString(), QStringLiteral("grid"));
    QCOMPARE(run(QStringLiteral("document.querySelector('.overview-card.selected').getAttribute('data-index')")).toString(), QStringLiteral("2"));
    QCOMPARE(run(QStringLiteral("(function () { var r = document.querySelectorAll('.overview-card')[2].getBoundingClientRect();"
                                " return coursebookSlides.cardAt(r.left + r.width / 2, r.top + r.height / 2); })()")).toInt(), 2);
    run(QStringLiteral("coursebookSlides.overview(false, 2)"));
    QCOMPARE(run(QStringLiteral("getComputedStyle(document.getElementById('slide-overview')).display")).toString(), QStringLiteral("none"));

    // A group grid typed live replaces the activity's grid on its slide.
    const QString id = deck.slides()[activity].activityId;
    const QString grid = QStringLiteral("<table><tr><td>Typed by the group</td></tr></table>");
    run(QStringLiteral("coursebookSlides.show(%1); coursebookSlides.setGrid(%2, %3)")
            .arg(activity)
            .arg(QString::fromUtf8(QJsonDocument(QJsonArray{id}).toJson(QJsonDocument::Compact)).mid(1).chopped(1),
                 QString::fromUtf8(QJsonDocument(QJsonArray{grid}).toJson(QJsonDocument::Compact)).mid(1).chopped(1)));
    QCOMPARE(run(QStringLiteral("document.querySelector('section.slide.current .slide-grid').textContent")).toString(),
             QStringLiteral("Typed by the group"));

    // A grid too tall for one slide is on several: a live grid keeps to each slide's rows.
    int sliced = -1;
    for (int index = 0; index < deck.count() && sliced < 0; ++index)
        sliced = deck.slides()[index].gridFirstRow > 0 ? index : -1;
    QVERIFY(sliced > 0);
    const Slide &part = deck.slides()[sliced];
    QString tall = QStringLiteral("<table><thead><tr><th>Head</th></tr></thead><tbody>");
    QStringList expected;
    for (int row = 0; row < 40; ++row) {
        tall += QStringLiteral("<tr><td>R%1</td></tr>").arg(row);
        if (row >= part.gridFirstRow && (part.gridRowCount < 0 || row < part.gridFirstRow + part.gridRowCount))
            expected << QStringLiteral("R%1").arg(row);
    }
    run(QStringLiteral("coursebookSlides.show(%1); coursebookSlides.setGrid(%2, %3)")
            .arg(sliced)
            .arg(QString::fromUtf8(QJsonDocument(QJsonArray{part.activityId}).toJson(QJsonDocument::Compact)).mid(1).chopped(1),
                 QString::fromUtf8(QJsonDocument(QJsonArray{tall + QStringLiteral("</tbody></table>")}).toJson(QJsonDocument::Compact)).mid(1).chopped(1)));
    QCOMPARE(run(QStringLiteral("Array.prototype.map.call(document.querySelectorAll('section.slide.current .slide-grid td'),"
                                " function (c) { return c.textContent; }).join(' ')")).toString(),
             expected.join(QLatin1Char(' ')));
    QCOMPARE(run(QStringLiteral("document.querySelector('section.slide.current .slide-grid th').textContent")).toString(), QStringLiteral("Head"));

    // The activity timer in the corner, and gone again.
    const QString timer = QStringLiteral("(function () { var c = document.getElementById('slide-countdown');"
                                         " return getComputedStyle(c).display === 'none' ? '' : c.textContent; })()");
    run(QStringLiteral("coursebookSlides.countdown('4:59')"));
    QCOMPARE(run(timer).toString(), QStringLiteral("4:59"));
    run(QStringLiteral("coursebookSlides.countdown('')"));
    QCOMPARE(run(timer).toString(), QString());
}

QTEST_MAIN(TestGuiSlideDocument)
#include "tst_gui_slide_document.moc"
