#pragma once

#include <QString>

// Names derived from file names and titles, the way Jekyll sites spell them.
namespace Slug {
// "Community Interests!" -> "community-interests" (letters of any script kept).
QString fromText(const QString &text);
// "community-interests" or "2-community_interests" -> "Community Interests".
QString humanize(const QString &name);
// Natural order: "2-intro" before "10-summary"; ties broken byte-wise.
bool naturalLess(const QString &a, const QString &b);
}  // namespace Slug
