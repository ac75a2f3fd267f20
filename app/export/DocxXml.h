#pragma once

#include <QList>
#include <QString>

#include <utility>

class QXmlStreamWriter;

// What the XML of every part of the package shares.
namespace DocxXml {

inline const QString kWordNamespace = QStringLiteral("http://schemas.openxmlformats.org/wordprocessingml/2006/main");
inline const QString kRelNamespace = QStringLiteral("http://schemas.openxmlformats.org/officeDocument/2006/relationships");

// The XML declaration (standalone, as Word writes it) and the root element with its namespace;
// an empty prefix makes it the default namespace.
void startPart(QXmlStreamWriter &x, const QString &root, const QString &ns, const QString &prefix);

void emptyElement(QXmlStreamWriter &x, const QString &name, const QList<std::pair<QString, QString>> &attributes);

}  // namespace DocxXml
