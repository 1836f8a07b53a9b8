-- Issue 13 moved an event type and a listener (behaviour unchanged). Spring Modulith finds the
-- publications still to deliver at restart by the event's class name and the listener's method
-- name: publications written by the previous version must name the new places, or an arrival
-- announced just before an upgrade would never reach the tray, and a signature made just before
-- it would never move its draft on to the clerk.
update event_publication
   set event_type = 'vn.congvan.exchange.axis.AxisPackageReceived'
 where event_type = 'vn.congvan.exchange.AxisPackageReceived';

update event_publication
   set listener_id = replace(listener_id, 'vn.congvan.exchange.AxisPackageReceived',
                             'vn.congvan.exchange.axis.AxisPackageReceived')
 where listener_id like '%vn.congvan.exchange.AxisPackageReceived%';

update event_publication
   set listener_id = replace(listener_id, 'vn.congvan.handling.drafting.Drafting.on(',
                             'vn.congvan.handling.drafting.Issuing.on(')
 where listener_id like 'vn.congvan.handling.drafting.Drafting.on(%';
