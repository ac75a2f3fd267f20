#include "DocxPackage.h"

#include "AtomicFile.h"

#include <QCoreApplication>
#include <QDir>

#include <zip.h>

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("DocxPackage", text);
}

}  // namespace

void DocxPackage::addPart(const QString &name, const QByteArray &bytes)
{
    m_parts.append({name, bytes});
}

QStringList DocxPackage::partNames() const
{
    QStringList names;
    for (const auto &[name, bytes] : m_parts)
        names << name;
    return names;
}

bool DocxPackage::toZip(QByteArray *zipped, QString *error) const
{
    zip_error_t zipError;
    zip_error_init(&zipError);
    zip_source_t *buffer = zip_source_buffer_create(nullptr, 0, 0, &zipError);
    zip_t *archive = buffer ? zip_open_from_source(buffer, ZIP_TRUNCATE, &zipError) : nullptr;
    if (!archive) {
        *error = tr("The document could not be built: %1").arg(QString::fromUtf8(zip_error_strerror(&zipError)));
        zip_source_free(buffer);
        zip_error_fini(&zipError);
        return false;
    }
    zip_error_fini(&zipError);
    zip_source_keep(buffer);  // read back after zip_close()
    for (const auto &[name, bytes] : m_parts) {
        zip_source_t *source = zip_source_buffer(archive, bytes.constData(), zip_uint64_t(bytes.size()), 0);
        if (!source || zip_file_add(archive, name.toUtf8().constData(), source, ZIP_FL_ENC_UTF_8) < 0) {
            *error = tr("The document could not be built: %1").arg(QString::fromUtf8(zip_strerror(archive)));
            zip_source_free(source);
            zip_discard(archive);
            zip_source_free(buffer);
            return false;
        }
    }
    if (zip_close(archive) < 0) {
        *error = tr("The document could not be built: %1").arg(QString::fromUtf8(zip_strerror(archive)));
        zip_discard(archive);
        zip_source_free(buffer);
        return false;
    }
    bool ok = zip_source_open(buffer) == 0;
    if (ok) {
        ok = zip_source_seek(buffer, 0, SEEK_END) == 0;
        const zip_int64_t size = ok ? zip_source_tell(buffer) : -1;
        ok = size >= 0 && zip_source_seek(buffer, 0, SEEK_SET) == 0;
        if (ok) {
            zipped->resize(qsizetype(size));
            ok = zip_source_read(buffer, zipped->data(), zip_uint64_t(size)) == size;
        }
        zip_source_close(buffer);
    }
    zip_source_free(buffer);
    if (!ok)
        *error = tr("The document could not be built in memory.");
    return ok;
}

bool DocxPackage::write(const QString &path, QString *error) const
{
    QByteArray zipped;
    if (!toZip(&zipped, error))
        return false;
    // The file appears, or replaces an older one, only once it is complete.
    QString reason;
    if (!AtomicFile::write(path, zipped, &reason)) {
        *error = tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), reason);
        return false;
    }
    return true;
}
