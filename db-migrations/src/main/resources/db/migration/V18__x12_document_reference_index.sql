-- A 945 names its order by the depositor number the 940 carried: find that 940 by its reference without walking
-- all of a tenant's documents (the parse-vs-apply benchmark showed the walk).
CREATE INDEX x12_document_reference ON x12_document (tenant_id, reference) WHERE direction = 'OUTBOUND';
