// Tests for AnswerJson, the portable answers file: what is written reads back the same,
// and every malformed file is refused with a message that says where and what.

#include "AnswerJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>
#include <QTimeZone>

#include <functional>

namespace {

const QString kCourse = QStringLiteral("connected-learning");

QVector<Answer> sampleAnswers()
{
    const QDateTime when(QDate(2024, 5, 1), QTime(9, 30, 15, 123), Qt::UTC);
    const QJsonObject kwl{{QStringLiteral("experience"), QStringLiteral("Ran a maker club ✂️")},
                          {QStringLiteral("rows"), QJsonArray{QJsonObject{{QStringLiteral("know"), QStringLiteral("teens\nlike games")},
                                                                          {QStringLiteral("want"), QStringLiteral("مرحبا بالعالم")},
                                                                          {QStringLiteral("learned"), QString()}}}}};
    const QJsonObject worksheet{{QStringLiteral("cells"), QJsonArray{QJsonArray{QJsonValue::Null, QStringLiteral("3")},
                                                                     QJsonArray{QJsonValue::Null, QStringLiteral("Agree")},
                                                                     QJsonArray{QJsonValue::Null, 3}}}};
    return {
        Answer{kCourse, QStringLiteral("m2/plan#table"), QStringLiteral("worksheet"), worksheet, false, when.addDays(2)},
        Answer{kCourse, QStringLiteral("m1/intro#kwl"), QStringLiteral("kwl"), kwl, true, when},
        Answer{kCourse, QStringLiteral("m1/intro#reflect"), QStringLiteral("reflection"),
               QJsonObject{{QStringLiteral("text"), QStringLiteral("שלום, line one\r\nline two 😀 \"quoted\" \\ tab\t")}}, false,
               when.addMSecs(1)},
        Answer{kCourse, QStringLiteral("m2/plan#respond"), QStringLiteral("response"),
               QJsonObject{{QStringLiteral("text"), QStringLiteral("Ünïcödé 👩🏽‍💻")}}, true, when.addYears(-1)},
    };
}

// A valid file with one answer, as JSON text, for the malformed cases to break.
QJsonObject validRoot()
{
    return QJsonObject{
        {QStringLiteral("format"), QStringLiteral("coursebook-answers")},
        {QStringLiteral("version"), 1},
        {QStringLiteral("course"), kCourse},
        {QStringLiteral("answers"),
         QJsonArray{QJsonObject{{QStringLiteral("activity"), QStringLiteral("m1/a")},
                                {QStringLiteral("kind"), QStringLiteral("reflection")},
                                {QStringLiteral("updated"), QStringLiteral("2024-05-01T09:30:00.000Z")},
                                {QStringLiteral("done"), false},
                                {QStringLiteral("value"), QJsonObject{{QStringLiteral("text"), QStringLiteral("hi")}}}}}},
    };
}

QByteArray json(const QJsonObject &root)
{
    return QJsonDocument(root).toJson();
}

// validRoot() with answers[0] changed by `change`.
QByteArray withAnswer(const std::function<void(QJsonObject &)> &change)
{
    QJsonObject root = validRoot();
    QJsonArray answers = root.value(QStringLiteral("answers")).toArray();
    QJsonObject answer = answers.at(0).toObject();
    change(answer);
    answers.replace(0, answer);
    root.insert(QStringLiteral("answers"), answers);
    return json(root);
}

QByteArray withRoot(const std::function<void(QJsonObject &)> &change)
{
    QJsonObject root = validRoot();
    change(root);
    return json(root);
}

QByteArray answerOfKind(const QString &kind, const QJsonObject &value)
{
    return withAnswer([&](QJsonObject &a) {
        a.insert(QStringLiteral("kind"), kind);
        a.insert(QStringLiteral("value"), value);
    });
}

}  // namespace

class TestAnswerJson : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip();
    void writesSortedIndentedUtc();
    void acceptsOffsetsAndEmptyFiles();
    void rejectsMalformed_data();
    void rejectsMalformed();
};

void TestAnswerJson::roundTrip()
{
    const QVector<Answer> written = sampleAnswers();
    const QByteArray bytes = AnswerJson::write(kCourse, written);
    QString courseId;
    QVector<Answer> read;
    QString error;
    QVERIFY2(AnswerJson::read(bytes, &courseId, &read, &error), qPrintable(error));
    QCOMPARE(courseId, kCourse);
    QVector<Answer> expected = written;
    std::sort(expected.begin(), expected.end(), [](const Answer &a, const Answer &b) { return a.activityId < b.activityId; });
    QCOMPARE(read, expected);
    for (const Answer &answer : read)
        QCOMPARE(answer.updated.timeSpec(), Qt::UTC);
    QCOMPARE(AnswerJson::write(courseId, read), bytes);
}

void TestAnswerJson::writesSortedIndentedUtc()
{
    Answer local = sampleAnswers().at(2);
    local.updated = QDateTime(QDate(2024, 5, 1), QTime(11, 30), QTimeZone(2 * 3600));
    const QByteArray bytes = AnswerJson::write(kCourse, {sampleAnswers().at(0), local});
    QVERIFY(bytes.contains("\n    \"answers\": ["));
    const QJsonObject root = QJsonDocument::fromJson(bytes).object();
    QCOMPARE(root.value(QStringLiteral("format")).toString(), QStringLiteral("coursebook-answers"));
    QCOMPARE(root.value(QStringLiteral("version")).toInt(), 3);
    QCOMPARE(root.value(QStringLiteral("course")).toString(), kCourse);
    const QJsonArray answers = root.value(QStringLiteral("answers")).toArray();
    QCOMPARE(answers.size(), 2);
    QCOMPARE(answers.at(0).toObject().value(QStringLiteral("activity")).toString(), QStringLiteral("m1/intro#reflect"));
    QCOMPARE(answers.at(0).toObject().value(QStringLiteral("updated")).toString(), QStringLiteral("2024-05-01T09:30:00.000Z"));
    QCOMPARE(answers.at(1).toObject().value(QStringLiteral("activity")).toString(), QStringLiteral("m2/plan#table"));
}

void TestAnswerJson::acceptsOffsetsAndEmptyFiles()
{
    QString courseId;
    QVector<Answer> answers;
    QString error;
    const QByteArray offset = withAnswer([](QJsonObject &a) { a.insert(QStringLiteral("updated"), QStringLiteral("2024-05-01T11:30:00+02:00")); });
    QVERIFY2(AnswerJson::read(offset, &courseId, &answers, &error), qPrintable(error));
    QCOMPARE(answers.size(), 1);
    QCOMPARE(answers.first().updated, QDateTime(QDate(2024, 5, 1), QTime(9, 30), Qt::UTC));
    QCOMPARE(answers.first().courseId, kCourse);

    // A clock that lost its setting reads 1970: such a file is still the learner's.
    const QByteArray epoch = withAnswer([](QJsonObject &a) { a.insert(QStringLiteral("updated"), QStringLiteral("1970-01-01T00:00:00.000Z")); });
    QVERIFY2(AnswerJson::read(epoch, &courseId, &answers, &error), qPrintable(error));

    QVERIFY(AnswerJson::read(AnswerJson::write(QStringLiteral("empty"), {}), &courseId, &answers, &error));
    QCOMPARE(courseId, QStringLiteral("empty"));
    QVERIFY(answers.isEmpty());
}

void TestAnswerJson::rejectsMalformed_data()
{
    QTest::addColumn<QByteArray>("file");
    QTest::addColumn<QString>("error");

    QTest::newRow("not JSON") << QByteArray("{\"format\": \"coursebook-answers\", oops}") << QStringLiteral("not JSON: ");
    QTest::newRow("empty") << QByteArray() << QStringLiteral("not JSON: ");
    QTest::newRow("array") << QByteArray("[]") << QStringLiteral("not a JSON object");
    QTest::newRow("wrong format") << withRoot([](QJsonObject &r) { r.insert(QStringLiteral("format"), QStringLiteral("kwl-notes")); })
                                  << QStringLiteral("format is not \"coursebook-answers\"");
    QTest::newRow("missing format") << withRoot([](QJsonObject &r) { r.remove(QStringLiteral("format")); }) << QStringLiteral("format is missing");
    QTest::newRow("wrong version") << withRoot([](QJsonObject &r) { r.insert(QStringLiteral("version"), 4); })
                                   << QStringLiteral("version 4 is not supported (this Coursebook reads versions 1 to 3)");
    QTest::newRow("version as string") << withRoot([](QJsonObject &r) { r.insert(QStringLiteral("version"), QStringLiteral("1")); })
                                       << QStringLiteral("version is not a number");
    QTest::newRow("missing course") << withRoot([](QJsonObject &r) { r.remove(QStringLiteral("course")); }) << QStringLiteral("course is missing");
    QTest::newRow("course not string") << withRoot([](QJsonObject &r) { r.insert(QStringLiteral("course"), 7); })
                                       << QStringLiteral("course is not a string");
    QTest::newRow("empty course") << withRoot([](QJsonObject &r) { r.insert(QStringLiteral("course"), QString()); }) << QStringLiteral("course is empty");
    QTest::newRow("answers not array") << withRoot([](QJsonObject &r) { r.insert(QStringLiteral("answers"), QJsonObject()); })
                                       << QStringLiteral("answers is not an array");
    QTest::newRow("answer not an object") << withRoot([](QJsonObject &r) {
        QJsonArray answers = r.value(QStringLiteral("answers")).toArray();
        answers.append(QStringLiteral("m1/b"));
        r.insert(QStringLiteral("answers"), answers);
    }) << QStringLiteral("answers[1] is not an object");
    QTest::newRow("missing activity") << withAnswer([](QJsonObject &a) { a.remove(QStringLiteral("activity")); })
                                      << QStringLiteral("answers[0].activity is missing");
    QTest::newRow("activity not string") << withAnswer([](QJsonObject &a) { a.insert(QStringLiteral("activity"), 3); })
                                         << QStringLiteral("answers[0].activity is not a string");
    QTest::newRow("same activity twice") << withRoot([](QJsonObject &r) {
        QJsonArray answers = r.value(QStringLiteral("answers")).toArray();
        answers.append(answers.at(0));
        r.insert(QStringLiteral("answers"), answers);
    }) << QStringLiteral("answers[1].activity \"m1/a\" was already answered in answers[0]");
    QTest::newRow("unknown kind") << withAnswer([](QJsonObject &a) { a.insert(QStringLiteral("kind"), QStringLiteral("essay")); })
                                  << QStringLiteral("answers[0].kind \"essay\" is not one of kwl, reflection, worksheet, response");
    QTest::newRow("missing kind") << withAnswer([](QJsonObject &a) { a.remove(QStringLiteral("kind")); })
                                  << QStringLiteral("answers[0].kind is missing");
    QTest::newRow("bad date") << withAnswer([](QJsonObject &a) { a.insert(QStringLiteral("updated"), QStringLiteral("yesterday")); })
                              << QStringLiteral("answers[0].updated is not an ISO-8601 date");
    QTest::newRow("impossible date") << withAnswer([](QJsonObject &a) { a.insert(QStringLiteral("updated"), QStringLiteral("2024-02-30T10:00:00Z")); })
                                     << QStringLiteral("answers[0].updated is not an ISO-8601 date");
    QTest::newRow("date before 1970") << withAnswer([](QJsonObject &a) { a.insert(QStringLiteral("updated"), QStringLiteral("1969-12-31T23:59:59.999Z")); })
                                      << QStringLiteral("answers[0].updated 1969-12-31T23:59:59.999Z is before 1970, which no computer's clock gives");
    // JSON allows control characters in strings only escaped; Qt's parser would take them raw.
    QByteArray rawNul = json(validRoot());
    rawNul.replace("\"hi\"", QByteArray("\"h\0i\"", 5));
    QTest::newRow("raw NUL in a string") << rawNul << QStringLiteral("not JSON: a raw control character (U+0000) at offset ");
    QByteArray rawLineBreak = json(validRoot());
    rawLineBreak.replace("\"m1/a\"", "\"m1/a\nadded 99, updated 0, unchanged 0\"");
    QTest::newRow("raw line break in an id") << rawLineBreak << QStringLiteral("not JSON: a raw control character (U+000A) at offset ");
    QByteArray rawBell = json(validRoot());
    rawBell.replace("{", "{\x07");
    QTest::newRow("raw control between values") << rawBell << QStringLiteral("not JSON: a raw control character (U+0007) at offset ");
    // Escaped, they are valid JSON, but an id holding one could forge a line of output.
    QTest::newRow("escaped line break in an activity")
        << withAnswer([](QJsonObject &a) { a.insert(QStringLiteral("activity"), QStringLiteral("m1/a\nadded 99, updated 0, unchanged 0")); })
        << QStringLiteral("answers[0].activity contains the control character U+000A, which no id has");
    QTest::newRow("right-to-left override in an activity")
        << withAnswer([](QJsonObject &a) { a.insert(QStringLiteral("activity"), QStringLiteral("m1/a\u202e0 degnahc")); })
        << QStringLiteral("answers[0].activity contains the control character U+202E, which no id has");
    QTest::newRow("NUL in the course") << withRoot([](QJsonObject &r) { r.insert(QStringLiteral("course"), QStringLiteral("c") + QChar(0)); })
                                       << QStringLiteral("course contains the control character U+0000, which no id has");
    QTest::newRow("line break in the kind, shown escaped")
        << withAnswer([](QJsonObject &a) { a.insert(QStringLiteral("kind"), QStringLiteral("essay\nadded 99")); })
        << QStringLiteral("answers[0].kind \"essay\\u000aadded 99\" is not one of kwl, reflection, worksheet, response");
    QTest::newRow("date as number") << withAnswer([](QJsonObject &a) { a.insert(QStringLiteral("updated"), 1714555800); })
                                    << QStringLiteral("answers[0].updated is not an ISO-8601 date");
    QTest::newRow("done not bool") << withAnswer([](QJsonObject &a) { a.insert(QStringLiteral("done"), QStringLiteral("yes")); })
                                   << QStringLiteral("answers[0].done is not true or false");
    QTest::newRow("missing done") << withAnswer([](QJsonObject &a) { a.remove(QStringLiteral("done")); })
                                  << QStringLiteral("answers[0].done is missing");
    QTest::newRow("value not object") << withAnswer([](QJsonObject &a) { a.insert(QStringLiteral("value"), QStringLiteral("hi")); })
                                      << QStringLiteral("answers[0].value is not an object");
    QTest::newRow("text not string") << answerOfKind(QStringLiteral("response"), {{QStringLiteral("text"), QJsonArray{QStringLiteral("hi")}}})
                                     << QStringLiteral("answers[0].value.text is not a string");
    QTest::newRow("text missing") << answerOfKind(QStringLiteral("reflection"), {}) << QStringLiteral("answers[0].value.text is missing");
    QTest::newRow("KWL rows not array")
        << answerOfKind(QStringLiteral("kwl"), {{QStringLiteral("experience"), QString()}, {QStringLiteral("rows"), QStringLiteral("none")}})
        << QStringLiteral("answers[0].value.rows is not an array");
    QTest::newRow("KWL experience missing") << answerOfKind(QStringLiteral("kwl"), {{QStringLiteral("rows"), QJsonArray()}})
                                            << QStringLiteral("answers[0].value.experience is missing");
    QTest::newRow("KWL row not object")
        << answerOfKind(QStringLiteral("kwl"), {{QStringLiteral("experience"), QString()}, {QStringLiteral("rows"), QJsonArray{1}}})
        << QStringLiteral("answers[0].value.rows[0] is not an object");
    QTest::newRow("KWL row field not string")
        << answerOfKind(QStringLiteral("kwl"), {{QStringLiteral("experience"), QString()},
                                                {QStringLiteral("rows"), QJsonArray{QJsonObject{{QStringLiteral("know"), QString()},
                                                                                                {QStringLiteral("want"), true},
                                                                                                {QStringLiteral("learned"), QString()}}}}})
        << QStringLiteral("answers[0].value.rows[0].want is not a string");
    QTest::newRow("worksheet cells not array") << answerOfKind(QStringLiteral("worksheet"), {{QStringLiteral("cells"), QJsonObject()}})
                                               << QStringLiteral("answers[0].value.cells is not an array of rows");
    QTest::newRow("worksheet cells not array of arrays")
        << answerOfKind(QStringLiteral("worksheet"), {{QStringLiteral("cells"), QJsonArray{QJsonArray{QJsonValue::Null}, QStringLiteral("x")}}})
        << QStringLiteral("answers[0].value.cells[1] is not an array of cells");
    QTest::newRow("worksheet cell an object")
        << answerOfKind(QStringLiteral("worksheet"), {{QStringLiteral("cells"), QJsonArray{QJsonArray{QJsonValue::Null, QJsonObject()}}}})
        << QStringLiteral("answers[0].value.cells[0][1] is not a string, number or null");
    QTest::newRow("second answer broken") << withRoot([](QJsonObject &r) {
        QJsonArray answers = r.value(QStringLiteral("answers")).toArray();
        QJsonObject second = answers.at(0).toObject();
        second.insert(QStringLiteral("activity"), QStringLiteral("m1/b"));
        second.insert(QStringLiteral("done"), 1);
        answers.append(second);
        r.insert(QStringLiteral("answers"), answers);
    }) << QStringLiteral("answers[1].done is not true or false");
}

void TestAnswerJson::rejectsMalformed()
{
    QFETCH(QByteArray, file);
    QFETCH(QString, error);
    QString courseId = QStringLiteral("untouched");
    QVector<Answer> answers{Answer{}};
    QString message;
    QVERIFY(!AnswerJson::read(file, &courseId, &answers, &message));
    if (error.endsWith(QLatin1String("offset ")))
        QVERIFY2(message.startsWith(error), qPrintable(message));
    else if (error.endsWith(QLatin1String(": ")))
        QVERIFY2(message.startsWith(error) && message.contains(QStringLiteral("at offset")), qPrintable(message));
    else
        QCOMPARE(message, error);
    QCOMPARE(courseId, QStringLiteral("untouched"));
    QCOMPARE(answers.size(), 1);
}

QTEST_GUILESS_MAIN(TestAnswerJson)
#include "tst_answer_json.moc"
