#include "DocxXml.h"

#include <QXmlStreamWriter>

namespace DocxXml {

void startPart(QXmlStreamWriter &x, const QString &root, const QString &ns, const QString &prefix)
{
    x.writeStartDocument(QStringLiteral("1.0"), true);
    x.writeStartElement(root);
    x.writeAttribute(prefix.isEmpty() ? QStringLiteral("xmlns") : QStringLiteral("xmlns:") + prefix, ns);
}

void emptyElement(QXmlStreamWriter &x, const QString &name, const QList<std::pair<QString, QString>> &attributes)
{
    x.writeEmptyElement(name);
    for (const auto &[key, value] : attributes)
        x.writeAttribute(key, value);
}

}  // namespace DocxXml
