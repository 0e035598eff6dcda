-- The group a message went to as a member's address or the group's distribution list; NULL for an address named
-- directly, such as the customer's. Messages to a group without any address are recorded as 'group:<id>'.
ALTER TABLE notification_message ADD COLUMN recipient_group varchar(64);
UPDATE notification_message SET recipient_group = substring(recipient FROM 7) WHERE recipient LIKE 'group:%';
