-- The phone (issue 16): staff users may have a phone number (admins set it on /admin/telephony), so that a front-line
-- rep calling the support line is recognised and their open escalations pop.
alter table app_users add column phone varchar(64);
alter table app_users add column phone_digits varchar(24);
create index app_users_phone on app_users (phone_digits);
