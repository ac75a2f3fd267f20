#include "WorksheetGrid.h"

#include <QLocale>

#include <algorithm>

using Type = WorksheetCell::Type;

namespace {
bool isTotalRow(const QVector<WorksheetCell> &row)
{
    return std::any_of(row.cbegin(), row.cend(), [](const WorksheetCell &cell) { return cell.type == Type::Total; });
}

// The learner's locale first ("1,5" in French), then the C locale ("1.5" anywhere).
std::optional<double> numberIn(const QString &text)
{
    bool ok = false;
    double number = QLocale().toDouble(text.trimmed(), &ok);
    if (!ok)
        number = QLocale::c().toDouble(text.trimmed(), &ok);
    return ok ? std::optional(number) : std::nullopt;
}
}  // namespace

WorksheetGrid::WorksheetGrid(const ActivitySpec &spec)
    : m_columns(std::max<qsizetype>(1, spec.columns.size()))
    , m_design(spec.rows)
{
    for (const QVector<WorksheetCell> &row : std::as_const(m_design))
        m_columns = std::max(m_columns, row.size());
    for (QVector<WorksheetCell> &row : m_design)
        row.resize(m_columns);  // a short row ends in empty fixed cells
    m_insertAt = m_design.size();
    while (m_insertAt > 0 && isTotalRow(m_design[m_insertAt - 1]))
        --m_insertAt;
    m_addedRow.resize(m_columns);
    for (qsizetype column = 0; column < m_columns; ++column) {
        const bool rating = m_insertAt > 0 && m_design[m_insertAt - 1][column].type == Type::Rating;
        m_addedRow[column] = rating ? WorksheetCell{Type::Rating, {}, m_design[m_insertAt - 1][column].choices}
                                    : WorksheetCell{Type::Editable, {}, {}};
    }
}

QVector<QVector<WorksheetCell>> WorksheetGrid::layout(qsizetype rows) const
{
    QVector<QVector<WorksheetCell>> layout = m_design;
    for (qsizetype extra = rows - m_design.size(); extra > 0; --extra)
        layout.insert(m_insertAt, m_addedRow);
    return layout;
}

QVector<QVector<QString>> WorksheetGrid::shown(const QJsonArray &cells) const
{
    const QVector<QVector<WorksheetCell>> rows = layout(cells.size());
    QVector<QVector<QString>> shown(rows.size(), QVector<QString>(m_columns));
    for (qsizetype column = 0; column < m_columns; ++column) {
        double sum = 0;
        bool counted = false;
        for (qsizetype row = 0; row < rows.size(); ++row) {
            const WorksheetCell &cell = rows[row][column];
            const QString text = textIn(cells.at(row).toArray().at(column));
            switch (cell.type) {
            case Type::Fixed:
                shown[row][column] = cell.text;
                break;
            case Type::Editable:
            case Type::Rating:
                shown[row][column] = text;
                break;
            case Type::Total:
                shown[row][column] = counted ? totalText(sum) : QString();
                break;
            }
            if (const std::optional<double> number = countOf(cell, text)) {
                sum += *number;
                counted = true;
            }
        }
    }
    return shown;
}

std::optional<double> WorksheetGrid::countOf(const WorksheetCell &cell, const QString &text)
{
    switch (cell.type) {
    case Type::Editable:
        return numberIn(text);
    case Type::Rating:
        if (text.isEmpty())
            return std::nullopt;
        if (const std::optional<double> number = numberIn(text))
            return number;
        return double(cell.choices.contains(text) ? cell.choices.indexOf(text) + 1 : cell.choices.size() + 1);
    case Type::Fixed:
    case Type::Total:
        break;
    }
    return std::nullopt;
}

QString WorksheetGrid::totalText(double sum)
{
    return QLocale().toString(sum, 'g', 15);
}

QString WorksheetGrid::textIn(const QJsonValue &value)
{
    return value.isDouble() ? QLocale::c().toString(value.toDouble(), 'g', 15) : value.toString();
}
