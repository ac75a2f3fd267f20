#include "MediaElementRenderer.h"

#include "CourseUrl.h"
#include "EmbedCardElement.h"
#include "HtmlDom.h"
#include "MediaFormat.h"

#include <QFileInfo>

namespace {
using Kind = CourseLinkResolver::Target::Kind;

bool isMedia(xmlNodePtr element)
{
    const QString name = HtmlDom::name(element);
    return name == QLatin1String("video") || name == QLatin1String("audio");
}

// One address the element may play: its own src or a <source> child's.
struct Source {
    xmlNodePtr node;  // the element whose src it is
    QString reference;
    CourseLinkResolver::Target target;
    bool plays = false;

    bool isOwn(xmlNodePtr media) const { return node == media; }
    QString fileName() const
    {
        QString rest;
        if (CourseUrl::parse(target.url, &rest) == CourseUrl::Kind::File)
            return QFileInfo(rest).fileName();
        return reference.section(QLatin1Char('#'), 0, 0).section(QLatin1Char('?'), 0, 0).section(QLatin1Char('/'), -1);
    }
};
// A player whose sources all lead into the course (course:/file/), with its controls.
void keepAsPlayer(HtmlDom &dom, xmlNodePtr media, const QVector<Source> &sources, const CourseLinkResolver &links,
                  const CoursePage &page)
{
    // What plays leads into the course; what does not is never asked for.
    for (const Source &source : std::as_const(sources)) {
        if (source.plays) {
            HtmlDom::setAttribute(source.node, "src", source.target.url.toString(QUrl::FullyEncoded));
            HtmlDom::removeAttribute(source.node, "type");  // the engine judges the file, not a label
        } else if (source.isOwn(media)) {
            HtmlDom::removeAttribute(media, "src");
        } else {
            dom.remove(source.node);
        }
    }
    for (xmlNodePtr track : HtmlDom::elements(media)) {
        if (HtmlDom::name(track) != QLatin1String("track"))
            continue;
        const CourseLinkResolver::Target captions = links.resolveImage(page, HtmlDom::attribute(track, "src"));
        if (captions.kind == Kind::File)
            HtmlDom::setAttribute(track, "src", captions.url.toString(QUrl::FullyEncoded));
        else
            dom.remove(track);
    }
    HtmlDom::setAttribute(media, "controls", QString());  // a player the learner cannot start is no player
}
}  // namespace

MediaElementRenderer::MediaElementRenderer(const CourseLinkResolver &links, const QString &courseRoot)
    : m_links(links)
    , m_files(courseRoot)
{
}

bool MediaElementRenderer::belongsToMedia(xmlNodePtr element)
{
    return element->parent && element->parent->type == XML_ELEMENT_NODE && isMedia(element->parent);
}

void MediaElementRenderer::render(HtmlDom &dom, xmlNodePtr media, const CoursePage &page, const Warn &warn) const
{
    const bool video = HtmlDom::name(media) == QLatin1String("video");
    QVector<Source> sources;
    QVector<xmlNodePtr> candidates{media};
    for (xmlNodePtr child : HtmlDom::elements(media)) {
        if (child->parent == media && HtmlDom::name(child) == QLatin1String("source"))
            candidates.append(child);
    }
    for (xmlNodePtr node : std::as_const(candidates)) {
        const QString reference = HtmlDom::attribute(node, "src").trimmed();
        if (reference.isEmpty())
            continue;
        Source source{node, reference, m_links.resolveImage(page, reference)};
        QString rest;
        if (source.target.kind == Kind::File && CourseUrl::parse(source.target.url, &rest) == CourseUrl::Kind::File)
            source.plays = MediaFormat::playsInPage(MediaFormat::of(m_files.resolve(rest)));
        sources.append(source);
    }

    const Source *missing = nullptr;
    for (const Source &source : std::as_const(sources)) {
        if (source.target.kind == Kind::Missing || source.target.kind == Kind::Refused) {
            warn(source.reference, QStringLiteral("missing %1 \"%2\": %3")
                                       .arg(video ? QStringLiteral("video") : QStringLiteral("audio"), source.reference, source.target.reason));
            missing = missing ? missing : &source;
        }
    }
    const auto first = [&](auto test) -> const Source * {
        for (const Source &source : std::as_const(sources)) {
            if (test(source))
                return &source;
        }
        return nullptr;
    };
    const Source *local = first([](const Source &s) { return s.target.kind == Kind::File; });
    const Source *remote = first([](const Source &s) { return s.target.kind == Kind::External; });
    if (first([](const Source &s) { return s.plays; }) || (!local && !remote && !missing)) {
        keepAsPlayer(dom, media, sources, m_links, page);
        return;
    }

    const EmbedCard::Kind kind = video ? EmbedCard::Kind::Video : EmbedCard::Kind::Audio;
    EmbedCard card;
    if (local) {
        card = EmbedCard::forCourseFile(kind, local->fileName(), local->target.url,
                                        QStringLiteral("This format does not play in the page."));
    } else if (remote) {
        card = EmbedCard::fromSource(remote->target.url);
        card.kind = kind;
    } else {
        card = EmbedCard::forCourseFile(kind, missing->fileName(), QUrl(), QStringLiteral("The file is not in the course folder."));
    }
    EmbedCardElement::replace(dom, media, card);
}
