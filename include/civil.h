/* civil: calendar dates as day numbers (days since 1970-01-01), for
 * counting local days as a person does: from the date written, not from
 * seconds divided by 86400 (a day with a DST change has 23 or 25 hours). */
#ifndef BACKEASE_CIVIL_H
#define BACKEASE_CIVIL_H

/* The day number of y-m-d (proleptic Gregorian; m 1-12, d 1-31). */
long civil_days(int y, int m, int d);
/* The date of day number z. */
void civil_from_days(long z, int *y, int *m, int *d);
/* 0 Sunday .. 6 Saturday. */
int civil_weekday(long z);

#endif
