-- A transfer between desks records both desks, so the timeline can name them in the reader's language.
alter table ticket_articles add column from_desk varchar(16);
alter table ticket_articles add column to_desk varchar(16);
