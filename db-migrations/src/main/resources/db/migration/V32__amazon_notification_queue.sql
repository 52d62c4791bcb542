-- SP-API notifications (ORDER_CHANGE, LISTINGS_ITEM_MFN_QUANTITY_CHANGE) reach a seller's Amazon SQS queue; a live
-- Amazon connection names that queue, its AWS region and the IAM access key the portal reads it with. The key id
-- and secret are sealed like the LWA secrets (AES-GCM: key id, then nonce + ciphertext + tag; see CredentialCipher).
-- A sandbox connection's queue is the portal's own (its address is worked out, not stored): it keeps only the made-up
-- access key its sandbox checks. Connections made before this change have none of them and are only polled.
ALTER TABLE amazon_connection ADD COLUMN sqs_queue_url         VARCHAR(300) NULL;
ALTER TABLE amazon_connection ADD COLUMN aws_region            VARCHAR(30)  NULL;
ALTER TABLE amazon_connection ADD COLUMN aws_access_key_id     BYTEA        NULL;
ALTER TABLE amazon_connection ADD COLUMN aws_secret_access_key BYTEA        NULL;
ALTER TABLE amazon_connection ADD CONSTRAINT amazon_connection_sqs_queue
    CHECK ((sqs_queue_url IS NULL) = (aws_region IS NULL));
ALTER TABLE amazon_connection ADD CONSTRAINT amazon_connection_aws_key
    CHECK ((aws_access_key_id IS NULL) = (aws_secret_access_key IS NULL));
