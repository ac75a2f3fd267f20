#include "AnswerFixture.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>

namespace AnswerFixture {

Answer textAnswer(const QString &activityId, const QString &text, qint64 atMs, const QString &courseId)
{
    return Answer{courseId, activityId, QStringLiteral("reflection"), QJsonObject{{QStringLiteral("text"), text}}, false,
                  kBase.addMSecs(atMs)};
}

QVariant sqlite(const QString &path, const QStringList &statements)
{
    const QString name = QUuid::createUuid().toString();
    QVariant last;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery query(db);
            for (const QString &statement : statements) {
                if (!query.exec(statement)) {
                    last = QStringLiteral("error: ") + query.lastError().text();
                    break;
                }
                last = query.next() ? query.value(0) : QVariant();
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return last;
}

QByteArray storeDigest(const QString &dataDir)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")}) {
        QFile file(QDir(dataDir).filePath(QStringLiteral("answers.sqlite") + suffix));
        hash.addData(file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("(no such file)"));
        hash.addData(QByteArray(1, '\0'));
    }
    return hash.result().toHex();
}

QStringList texts(const QVector<Answer> &answers)
{
    QStringList result;
    for (const Answer &a : answers)
        result << a.value.value(QStringLiteral("text")).toString();
    return result;
}

}  // namespace AnswerFixture
