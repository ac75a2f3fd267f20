#include "WorkbookZip.h"

#include <QCoreApplication>
#include <QStringDecoder>

#include <zip.h>

#include <memory>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("WorkbookZip", text);
}

struct ZipCloser {
    void operator()(zip_t *archive) const { zip_discard(archive); }
};
using ZipPtr = std::unique_ptr<zip_t, ZipCloser>;

// Why a member name is not one a workbook file could hold, or empty. Only plain names are
// written, so a folder, an absolute path or "..", which an unpacker would follow, is refused.
QString nameProblem(const QByteArray &raw, QString *name)
{
    QStringDecoder utf8(QStringDecoder::Utf8);
    *name = utf8.decode(raw);
    if (utf8.hasError())
        return tr("a member's name is not UTF-8 text");
    if (name->isEmpty() || name->contains(QLatin1Char('/')) || name->contains(QLatin1Char('\\')) || name->startsWith(QLatin1Char('.')))
        return tr("member \"%1\" is not a plain file name").arg(*name);
    for (const QChar c : *name) {
        if (c.category() == QChar::Other_Control || c.category() == QChar::Other_Format)
            return tr("a member's name holds a control character");
    }
    return {};
}

}  // namespace

namespace WorkbookZip {

bool write(const QMap<QString, QByteArray> &members, QByteArray *zip, QString *error)
{
    zip_error_t zipError;
    zip_error_init(&zipError);
    zip_source_t *buffer = zip_source_buffer_create(nullptr, 0, 0, &zipError);
    zip_t *archive = buffer ? zip_open_from_source(buffer, ZIP_TRUNCATE, &zipError) : nullptr;
    if (!archive) {
        *error = QString::fromUtf8(zip_error_strerror(&zipError));
        if (buffer)
            zip_source_free(buffer);
        zip_error_fini(&zipError);
        return false;
    }
    zip_error_fini(&zipError);
    zip_source_keep(buffer);  // read back after the archive is closed
    bool ok = true;
    for (auto it = members.cbegin(); ok && it != members.cend(); ++it) {
        zip_source_t *member = zip_source_buffer(archive, it.value().constData(), zip_uint64_t(it.value().size()), 0);
        ok = member && zip_file_add(archive, it.key().toUtf8().constData(), member, ZIP_FL_ENC_UTF_8) >= 0;
        if (member && !ok)
            zip_source_free(member);
    }
    if (!ok || zip_close(archive) < 0) {
        *error = QString::fromUtf8(zip_strerror(archive));
        zip_discard(archive);
        zip_source_free(buffer);
        return false;
    }
    zip_stat_t stat;
    bool read = zip_source_stat(buffer, &stat) == 0 && zip_source_open(buffer) == 0;
    if (read) {
        zip->resize(qsizetype(stat.size));
        read = zip_source_read(buffer, zip->data(), stat.size) == zip_int64_t(stat.size);
        zip_source_close(buffer);
    }
    zip_source_free(buffer);
    if (!read)
        *error = tr("the zip could not be read back");
    return read;
}

bool read(const QByteArray &zip, QMap<QString, QByteArray> *members, QString *error)
{
    if (zip.size() > kMaxFileBytes) {
        *error = tr("it is larger than %1 MB").arg(kMaxFileBytes / (1024 * 1024));
        return false;
    }
    zip_error_t zipError;
    zip_error_init(&zipError);
    zip_source_t *source = zip_source_buffer_create(zip.constData(), zip_uint64_t(zip.size()), 0, &zipError);
    ZipPtr archive(source ? zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &zipError) : nullptr);
    if (!archive) {
        if (source)
            zip_source_free(source);
        zip_error_fini(&zipError);
        *error = tr("it is not a Coursebook workbook (not a zip file, or a damaged or truncated one)");
        return false;
    }
    zip_error_fini(&zipError);
    const zip_int64_t count = zip_get_num_entries(archive.get(), 0);
    if (count > kMaxMembers) {
        *error = tr("it holds %1 files; a workbook holds at most %2").arg(count).arg(kMaxMembers);
        return false;
    }
    QMap<QString, QByteArray> found;
    for (zip_int64_t i = 0; i < count; ++i) {
        const char *raw = zip_get_name(archive.get(), zip_uint64_t(i), ZIP_FL_ENC_RAW);
        QString name;
        const QString problem = raw ? nameProblem(QByteArray(raw), &name) : tr("a member has no name");
        if (!problem.isEmpty()) {
            *error = problem;
            return false;
        }
        zip_stat_t stat;
        if (zip_stat_index(archive.get(), zip_uint64_t(i), 0, &stat) != 0 || found.contains(name)) {
            *error = tr("member \"%1\" is damaged or appears twice").arg(name);
            return false;
        }
        // The declared size is checked first, and then no more than it is ever inflated:
        // a bomb that lies about its size still stops at the bound.
        if (!(stat.valid & ZIP_STAT_SIZE) || stat.size > zip_uint64_t(kMaxMemberBytes)) {
            *error = tr("member \"%1\" is larger than %2 MB").arg(name).arg(kMaxMemberBytes / (1024 * 1024));
            return false;
        }
        zip_file_t *file = zip_fopen_index(archive.get(), zip_uint64_t(i), 0);
        QByteArray data(qsizetype(stat.size), Qt::Uninitialized);
        const zip_int64_t got = file ? zip_fread(file, data.data(), stat.size) : -1;
        char extra = 0;
        const bool longer = file && zip_fread(file, &extra, 1) > 0;
        if (file)
            zip_fclose(file);
        if (got != zip_int64_t(stat.size) || longer) {
            *error = tr("member \"%1\" is damaged or truncated").arg(name);
            return false;
        }
        found.insert(name, data);
    }
    *members = found;
    return true;
}

}  // namespace WorkbookZip
