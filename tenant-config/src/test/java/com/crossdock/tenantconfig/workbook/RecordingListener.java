package com.crossdock.tenantconfig.workbook;

import java.util.ArrayList;
import java.util.List;

/** Keeps everything a read streams, for assertions. */
class RecordingListener implements WorkbookListener {

    final List<CatalogRow> rows = new ArrayList<>();
    final List<RowProblem> problems = new ArrayList<>();
    final List<String> notices = new ArrayList<>();
    long lastProgress = -1;

    @Override
    public void row(CatalogRow row) {
        rows.add(row);
    }

    @Override
    public void problem(RowProblem problem) {
        problems.add(problem);
    }

    @Override
    public void notice(String notice) {
        notices.add(notice);
    }

    @Override
    public void progress(long bytesRead, long totalBytes) {
        lastProgress = bytesRead;
    }

    List<String> reasons() {
        return problems.stream().map(RowProblem::reason).toList();
    }
}
