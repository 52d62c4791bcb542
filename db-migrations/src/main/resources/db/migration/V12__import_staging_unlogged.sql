-- Staged import rows are a working copy: the upload itself is kept in catalog_import.content (logged), and a
-- preview can always be made again from it. Not writing them to the WAL halves the time to stage a large workbook.
-- After a database crash PostgreSQL empties an unlogged table; the service then refuses to commit such an import
-- and asks for the file again (see CatalogWorkbookService).
ALTER TABLE catalog_import_row SET UNLOGGED;
