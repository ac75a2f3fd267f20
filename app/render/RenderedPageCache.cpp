#include "RenderedPageCache.h"

#include "RenderedPageDatabase.h"

#include <QCache>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDataStream>
#include <QFile>
#include <QFileInfo>
#include <QMutex>
#include <QStandardPaths>
#include <QThread>
#include <QThreadPool>

#include <cmark-gfm.h>
#include <libxml/xmlversion.h>

#include <map>
#include <memory>

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace {
constexpr quint32 kMagic = 0x43627067;  // "Cbpg"
constexpr qint32 kFormat = 2;  // 2: the body in UTF-8, half the bytes to write
// Characters of HTML kept in memory: the pages of a long session, not a whole big course.
constexpr qsizetype kMemoryCharacters = 8 * 1024 * 1024;
constexpr int kWriterLingerMs = 5;
constexpr int kWriterNice = 10;

QMutex memoryLock;
QCache<QByteArray, RenderedPageCache::Entry> &memory()
{
    static QCache<QByteArray, RenderedPageCache::Entry> cache(kMemoryCharacters);
    return cache;
}

QByteArray hexDigest(const QString &text)
{
    return RenderedPageCache::digest(QByteArrayView(reinterpret_cast<const char *>(text.constData()), text.size() * 2)).toHex();
}

QByteArray memoryKey(const QString &courseRoot, const QString &pageId)
{
    return hexDigest(courseRoot + QChar(0) + pageId);
}

// Empty when there is no cache folder, or no program to stamp entries with.
QString databasePath()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::CacheLocation);
    if (folder.isEmpty() || RenderedPageCache::programStamp().isEmpty())
        return QString();
    return folder + QStringLiteral("/rendered-pages.sqlite");
}

// A database per cache folder (tests and the bench move the folder), open until the program ends.
QMutex databasesLock;
std::map<QString, std::unique_ptr<RenderedPageDatabase>> &databases()
{
    static std::map<QString, std::unique_ptr<RenderedPageDatabase>> open;
    return open;
}

RenderedPageDatabase &database(const QString &path)
{
    const QMutexLocker lock(&databasesLock);
    std::unique_ptr<RenderedPageDatabase> &kept = databases()[path];
    if (!kept)
        kept = std::make_unique<RenderedPageDatabase>(path);
    return *kept;
}

void write(QDataStream &out, const ActivitySpec &spec)
{
    out << spec.id << int(spec.kind) << spec.title << spec.promptHtml << spec.promptText << spec.pageId << spec.moduleId
        << spec.revisit << spec.columns << spec.canAddRows << spec.choiceLabels << qint32(spec.rows.size());
    for (const QVector<WorksheetCell> &row : spec.rows) {
        out << qint32(row.size());
        for (const WorksheetCell &cell : row)
            out << int(cell.type) << cell.text << cell.choices;
    }
}

void read(QDataStream &in, ActivitySpec &spec)
{
    int kind = 0;
    qint32 rows = 0;
    in >> spec.id >> kind >> spec.title >> spec.promptHtml >> spec.promptText >> spec.pageId >> spec.moduleId >> spec.revisit
        >> spec.columns >> spec.canAddRows >> spec.choiceLabels >> rows;
    spec.kind = ActivitySpec::Kind(kind);
    for (qint32 r = 0; r < rows && in.status() == QDataStream::Ok; ++r) {
        qint32 cells = 0;
        in >> cells;
        QVector<WorksheetCell> row;
        for (qint32 c = 0; c < cells && in.status() == QDataStream::Ok; ++c) {
            WorksheetCell cell;
            int type = 0;
            in >> type >> cell.text >> cell.choices;
            cell.type = WorksheetCell::Type(type);
            row.append(cell);
        }
        spec.rows.append(row);
    }
}

QByteArray serialised(const QString &courseRoot, const QString &pageId, const RenderedPageCache::Entry &entry)
{
    QByteArray bytes;
    QDataStream out(&bytes, QIODevice::WriteOnly);
    out.setVersion(QDataStream::Qt_6_4);
    out << kMagic << kFormat << courseRoot << pageId << entry.stamp << entry.dependencies << entry.bodyHtml.toUtf8()
        << qint32(entry.activities.size());
    for (const ActivitySpec &spec : entry.activities)
        write(out, spec);
    out << qint32(entry.diagnostics.size());
    for (const Diagnostic &diagnostic : entry.diagnostics)
        out << diagnostic.file << diagnostic.line << int(diagnostic.severity) << diagnostic.message;
    return bytes;
}

// The entry in `bytes`, if they hold one whole, of this page, under this stamp.
std::optional<RenderedPageCache::Entry> parsed(const QByteArray &bytes, const QString &courseRoot, const QString &pageId,
                                               const QByteArray &stamp)
{
    QDataStream in(bytes);
    in.setVersion(QDataStream::Qt_6_4);
    quint32 magic = 0;
    qint32 format = 0;
    QString root, id;
    RenderedPageCache::Entry entry;
    in >> magic >> format;
    if (magic != kMagic || format != kFormat)
        return std::nullopt;
    in >> root >> id >> entry.stamp;
    // The file's name is a digest: its own words say whose it is.
    if (in.status() != QDataStream::Ok || root != courseRoot || id != pageId || entry.stamp != stamp)
        return std::nullopt;
    qint32 count = 0;
    QByteArray body;
    in >> entry.dependencies >> body >> count;
    entry.bodyHtml = QString::fromUtf8(body);
    for (qint32 i = 0; i < count && in.status() == QDataStream::Ok; ++i) {
        ActivitySpec spec;
        read(in, spec);
        entry.activities.append(spec);
    }
    in >> count;
    for (qint32 i = 0; i < count && in.status() == QDataStream::Ok; ++i) {
        Diagnostic diagnostic;
        int severity = 0;
        in >> diagnostic.file >> diagnostic.line >> severity >> diagnostic.message;
        diagnostic.severity = Diagnostic::Severity(severity);
        entry.diagnostics.append(diagnostic);
    }
    // A file cut short (a full disk, a crash while writing) is no entry.
    if (in.status() != QDataStream::Ok || !in.atEnd())
        return std::nullopt;
    return entry;
}

// One thread writes the entries beside the rendering, a batch to a transaction, and waits for
// the last of them when the program ends (the databases, made first, go after it).
QThreadPool &writer()
{
    static QThreadPool pool;
    static const bool single = [] {
        databases();  // made before the pool, so it outlives the pool's last writes
        pool.setMaxThreadCount(1);
        return true;
    }();
    Q_UNUSED(single);
    return pool;
}

// Written out on the writer's thread too, not on the rendering threads.
struct PendingEntry {
    QString database;
    QString courseRoot;
    QString pageId;
    RenderedPageCache::Entry entry;
};
QMutex pendingLock;
QVector<PendingEntry> pending;
bool flushQueued = false;

// Nothing is logged from here: the last writes may run while the program's statics go.
void flushPending()
{
    // Background work: the rendering threads, and the reader's, come first (on whichever
    // thread the pool runs this).
    setpriority(PRIO_PROCESS, id_t(syscall(SYS_gettid)), kWriterNice);
    for (;;) {
        QVector<PendingEntry> batch;
        {
            QMutexLocker lock(&pendingLock);
            // A whole-course pass stores a page every fraction of a millisecond: the writer
            // stays a moment for the next ones rather than be started again for each.
            if (pending.isEmpty()) {
                lock.unlock();
                QThread::msleep(kWriterLingerMs);
                lock.relock();
            }
            if (pending.isEmpty()) {
                flushQueued = false;
                return;
            }
            batch.swap(pending);
        }
        while (!batch.isEmpty()) {
            const QString path = batch.first().database;
            QVector<std::pair<QByteArray, QByteArray>> entries;
            for (auto it = batch.begin(); it != batch.end();) {
                if (it->database == path) {
                    entries.append({memoryKey(it->courseRoot, it->pageId), serialised(it->courseRoot, it->pageId, it->entry)});
                    it = batch.erase(it);
                } else {
                    ++it;
                }
            }
            database(path).write(entries);
        }
    }
}

void remember(const QString &courseRoot, const QString &pageId, const RenderedPageCache::Entry &entry)
{
    const QMutexLocker lock(&memoryLock);
    memory().insert(memoryKey(courseRoot, pageId), new RenderedPageCache::Entry(entry),
                    qMax<qsizetype>(1, entry.bodyHtml.size()));
}
}  // namespace

QByteArray RenderedPageCache::digest(QByteArrayView bytes)
{
    // Two 64-bit SipHashes, of the bytes and of the bytes salted: MD5 would cost more than
    // reading the entry. Seed 0: a seeded qHash mixes in the process's random seed, and the
    // digest must read the same in the next run.
    const size_t halves[2] = {qHash(bytes, 0), qHash(bytes.toByteArray() + "\x01", 0)};
    return QByteArray(reinterpret_cast<const char *>(halves), sizeof halves);
}

QByteArray RenderedPageCache::programStamp()
{
    // The program file's size and time stand for its code; the libraries that parse and write
    // the HTML say their versions. Without an application there is no program to name.
    static const QByteArray stamp = [] {
        if (!QCoreApplication::instance())
            return QByteArray();
        const QFileInfo program(QCoreApplication::applicationFilePath());
        return QCryptographicHash::hash(program.filePath().toUtf8() + ' ' + QByteArray::number(program.size()) + ' '
                                            + QByteArray::number(program.lastModified().toMSecsSinceEpoch()) + ' '
                                            + cmark_version_string() + ' ' + LIBXML_DOTTED_VERSION,
                                        QCryptographicHash::Md5);
    }();
    return stamp;
}

std::optional<RenderedPageCache::Entry> RenderedPageCache::find(const QString &courseRoot, const QString &pageId,
                                                                const QByteArray &stamp)
{
    {
        const QMutexLocker lock(&memoryLock);
        if (const Entry *kept = memory().object(memoryKey(courseRoot, pageId)); kept && kept->stamp == stamp)
            return *kept;
    }
    const QString path = databasePath();
    if (path.isEmpty())
        return std::nullopt;
    std::optional<Entry> entry = parsed(database(path).read(memoryKey(courseRoot, pageId)), courseRoot, pageId, stamp);
    if (entry)
        remember(courseRoot, pageId, *entry);
    return entry;
}

void RenderedPageCache::store(const QString &courseRoot, const QString &pageId, const Entry &entry)
{
    remember(courseRoot, pageId, entry);
    const QString path = databasePath();
    if (path.isEmpty())
        return;
    PendingEntry written{path, courseRoot, pageId, entry};
    const QMutexLocker lock(&pendingLock);
    pending.append(std::move(written));
    if (!flushQueued) {
        flushQueued = true;
        writer().start(flushPending);
    }
}

void RenderedPageCache::waitForWrites()
{
    writer().waitForDone();
}
