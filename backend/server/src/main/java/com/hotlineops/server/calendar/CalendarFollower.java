package com.hotlineops.server.calendar;

import com.hotlineops.core.calendar.CalendarService;
import com.hotlineops.core.events.EventStream;
import com.hotlineops.core.events.Topic;
import com.hotlineops.server.support.TableFollower;
import org.springframework.stereotype.Component;

/** Keeps this instance's calendar equal to the table: another instance's edit arrives as a {@code CALENDAR} event. */
@Component
class CalendarFollower extends TableFollower {

    CalendarFollower(EventStream stream, CalendarService calendar) {
        super("Calendar", stream, Topic.CALENDAR, calendar::reload);
    }
}
