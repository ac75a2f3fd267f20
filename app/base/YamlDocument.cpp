#include "YamlDocument.h"

#include <QCoreApplication>
#include <QHash>

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <sstream>
#include <utility>
#include <vector>

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("YamlDocument", text);
}

QString tooDeepMessage()
{
    return tr("lists and maps are nested more than %1 levels deep").arg(YamlDocument::kMaxDepth);
}

// Thrown from the event handler to stop yaml-cpp where a limit is crossed.
struct Refusal {
    QString message;
    int line = 0;  // 0-based, as yaml-cpp counts
};

// Builds the Qt value from yaml-cpp's parser events, not from YAML::Load's node graph:
// that graph holds an alias as the very node it names, so walking it follows a cycle
// forever and expands an alias bomb exponentially. Here an alias is a copy of its anchor's
// finished value (implicitly shared, so cheap) whose size and height are known up front,
// and an alias to an anchor still open is a cycle.
class VariantBuilder : public YAML::EventHandler
{
public:
    QVariant root;

    void OnDocumentStart(const YAML::Mark &) override { }
    void OnDocumentEnd() override { }
    void OnAnchor(const YAML::Mark &, const std::string &name) override { m_nextAnchorName = QString::fromStdString(name); }

    void OnNull(const YAML::Mark &mark, YAML::anchor_t anchor) override
    {
        count(1, mark);
        add(QVariant(), {anchor, anchorName(anchor), m_total - 1, 0}, mark);
    }

    void OnScalar(const YAML::Mark &mark, const std::string &, YAML::anchor_t anchor, const std::string &value) override
    {
        count(1, mark);
        add(QString::fromStdString(value), {anchor, anchorName(anchor), m_total - 1, 0}, mark);
    }

    void OnAlias(const YAML::Mark &mark, YAML::anchor_t anchor) override
    {
        for (const Open &open : m_open) {
            if (open.anchor.id == anchor)
                throw Refusal{tr("an alias refers to itself: *%1 is inside the value it names").arg(open.anchor.name), mark.line};
        }
        const Finished finished = m_finished.value(anchor);
        if (int(m_open.size()) + finished.height > YamlDocument::kMaxDepth)
            throw tooDeep(mark);
        m_expandedAlias = true;
        count(finished.values, mark);
        add(finished.value, {0, {}, m_total - finished.values, finished.height}, mark);
    }

    void OnSequenceStart(const YAML::Mark &mark, const std::string &, YAML::anchor_t anchor, YAML::EmitterStyle::value) override
    {
        open(false, anchor, mark);
    }
    void OnSequenceEnd() override { close(); }

    void OnMapStart(const YAML::Mark &mark, const std::string &, YAML::anchor_t anchor, YAML::EmitterStyle::value) override
    {
        open(true, anchor, mark);
    }
    void OnMapEnd() override { close(); }

private:
    struct Anchor {
        YAML::anchor_t id = 0;  // 0: the value has no anchor
        QString name;
        int firstValue = 0;  // m_total before the value began
        int height = 0;  // lists and maps nested in the value, itself included
    };
    struct Open {
        bool isMap = false;
        Anchor anchor;
        QVariantList list;
        QVariantMap map;
        QVariant key;  // a map's key waiting for its value
        bool hasKey = false;
        int childHeight = 0;
        YAML::Mark mark;
    };
    struct Finished {
        QVariant value;
        int values = 0;
        int height = 0;
    };

    QString anchorName(YAML::anchor_t anchor)
    {
        return anchor ? std::exchange(m_nextAnchorName, QString()) : QString();
    }

    static Refusal tooDeep(const YAML::Mark &mark) { return {tooDeepMessage(), mark.line}; }

    void count(int values, const YAML::Mark &mark)
    {
        if (values > YamlDocument::kMaxValues - m_total) {
            throw Refusal{m_expandedAlias ? tr("expands to more than %1 values: likely an alias bomb").arg(YamlDocument::kMaxValues)
                                          : tr("holds more than %1 values").arg(YamlDocument::kMaxValues),
                          mark.line};
        }
        m_total += values;
    }

    void open(bool isMap, YAML::anchor_t anchor, const YAML::Mark &mark)
    {
        if (int(m_open.size()) >= YamlDocument::kMaxDepth)
            throw tooDeep(mark);
        count(1, mark);
        Open container;
        container.isMap = isMap;
        container.anchor = {anchor, anchorName(anchor), m_total - 1, 0};
        container.mark = mark;
        m_open.push_back(std::move(container));
    }

    void close()
    {
        Open container = std::move(m_open.back());
        m_open.pop_back();
        container.anchor.height = container.childHeight + 1;
        add(container.isMap ? QVariant(container.map) : QVariant(container.list), container.anchor, container.mark);
    }

    // Puts a finished value where it belongs: the root, a list's next item, a map's key or value.
    void add(const QVariant &value, const Anchor &anchor, const YAML::Mark &mark)
    {
        if (anchor.id)
            m_finished.insert(anchor.id, {value, m_total - anchor.firstValue, anchor.height});
        if (m_open.empty()) {
            root = value;
            return;
        }
        Open &parent = m_open.back();
        parent.childHeight = std::max(parent.childHeight, anchor.height);
        if (!parent.isMap) {
            parent.list.append(value);
        } else if (parent.hasKey) {
            parent.map.insert(keyText(parent.key), value);
            parent.hasKey = false;
        } else {
            if (value.typeId() == QMetaType::QVariantList || value.typeId() == QMetaType::QVariantMap)
                throw Refusal{tr("a key must be plain text, not a list or map"), mark.line};
            parent.key = value;
            parent.hasKey = true;
        }
    }

    // yaml-cpp reads a null key (`~:`) as the text "null"; kept so.
    static QString keyText(const QVariant &key) { return key.isValid() ? key.toString() : QStringLiteral("null"); }

    std::vector<Open> m_open;
    QHash<YAML::anchor_t, Finished> m_finished;
    QString m_nextAnchorName;
    int m_total = 0;  // values produced so far, aliases counted expanded
    bool m_expandedAlias = false;
};

// yaml-cpp scans a flow collection to its end before the first event, so the depth limit
// is checked on the text first: any [ or { counts, in quotes too (65 unclosed ones in a
// string are no loss to refuse). Returns the 1-based line of the bracket too deep, or 0.
int lineOfTooDeepFlow(const QByteArray &utf8)
{
    int depth = 0;
    int line = 1;
    for (const char c : utf8) {
        if (c == '\n')
            ++line;
        else if ((c == '[' || c == '{') && ++depth > YamlDocument::kMaxDepth)
            return line;
        else if ((c == ']' || c == '}') && depth > 0)
            --depth;
    }
    return 0;
}
}  // namespace

YamlDocument::Result YamlDocument::parse(const QString &text)
{
    Result result;
    const QByteArray utf8 = text.toUtf8();
    if (utf8.size() > kMaxBytes) {
        result.error = tr("longer than %1 KB; YAML this long is not read").arg(kMaxBytes / 1024);
        result.errorLine = 1;
        return result;
    }
    if (const int line = lineOfTooDeepFlow(utf8)) {
        result.error = tooDeepMessage();
        result.errorLine = line;
        return result;
    }
    std::istringstream input(utf8.toStdString());
    VariantBuilder builder;
    try {
        YAML::Parser parser(input);
        parser.HandleNextDocument(builder);  // the first document only, as YAML::Load
        result.value = builder.root;
    } catch (const YAML::Exception &e) {
        result.error = QString::fromStdString(e.msg);
        result.errorLine = e.mark.line >= 0 ? e.mark.line + 1 : 1;
    } catch (const Refusal &refusal) {
        result.error = refusal.message;
        result.errorLine = refusal.line + 1;
    }
    return result;
}

bool YamlDocument::isFalse(const QVariant &value)
{
    const QString text = value.toString().trimmed().toLower();
    return text == QLatin1String("false") || text == QLatin1String("no") || text == QLatin1String("off");
}

QStringList YamlDocument::toStringList(const QVariant &value)
{
    if (value.typeId() == QMetaType::QVariantList) {
        QStringList list;
        for (const QVariant &item : value.toList())
            list << item.toString().trimmed();
        return list;
    }
    return value.toString().split(QLatin1Char(' '), Qt::SkipEmptyParts);
}
