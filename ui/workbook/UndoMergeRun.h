#pragma once

#include <QString>

// A run of edits to one cell that the undo history takes back as one step (and drops
// when the run ends where it began). Snapshot is the editor's picture of its grid.
template <typename Snapshot>
class UndoMergeRun
{
public:
    // Call before recording the step from `before` to `now`; true when `now` is where
    // the run began. A new key, or an undo/redo since the last step, starts a new run.
    bool backToStart(const QString &mergeKey, int undoIndex, const Snapshot &before, const Snapshot &now)
    {
        if (mergeKey.isEmpty() || mergeKey != m_key || undoIndex != m_index)
            m_start = before;
        m_key = mergeKey;
        return !mergeKey.isEmpty() && now == m_start;
    }
    void recorded(int undoIndex) { m_index = undoIndex; }

private:
    QString m_key;
    Snapshot m_start;
    int m_index = -1;
};
