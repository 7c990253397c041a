/*
 * icons.h: the icons of the interface, as UTF-8 strings of glyphs in the
 * icon font (Material Icons, assets/fonts/MaterialIcons-Regular.ttf,
 * Apache-2.0). Draw them with ui_icon() (font style HRC_FONT_ICON): they go
 * through the same text path, cache and measurement as words.
 * Icons never carry meaning alone: a word or a label says it too.
 */
#ifndef HRC_SCREENS_ICONS_H
#define HRC_SCREENS_ICONS_H

#define ICON_LESSON "\xee\xa8\x99" /* menu_book */
#define ICON_TIMELINE "\xee\xa4\xa2" /* timeline */
#define ICON_CASE "\xee\x9f\xb1" /* location_city */
#define ICON_QUIZ "\xef\x81\x8c" /* quiz */
#define ICON_DONE "\xee\xa1\xac" /* check_circle */
#define ICON_IN_PROGRESS "\xee\xbd\xa4" /* pending */
#define ICON_NOT_STARTED "\xee\xa0\xb6" /* radio_button_unchecked */
#define ICON_LOCKED "\xee\xa2\x97" /* lock */
#define ICON_PASSED "\xee\x9e\xaf" /* workspace_premium */
#define ICON_NOT_PASSED "\xee\x97\x89" /* cancel */
#define ICON_BACK "\xee\x97\x84" /* arrow_back */
#define ICON_FORWARD "\xee\x97\x88" /* arrow_forward */
#define ICON_PREV "\xee\x97\x8b" /* chevron_left */
#define ICON_NEXT "\xee\x97\x8c" /* chevron_right */
#define ICON_HOME "\xee\xa2\x8a" /* home */
#define ICON_SETTINGS "\xee\xa2\xb8" /* settings */
#define ICON_SIGN_OUT "\xee\xa6\xba" /* logout */
#define ICON_QUIT "\xee\xa2\xac" /* power_settings_new */
#define ICON_RADIO_ON "\xee\xa0\xb7" /* radio_button_checked */
#define ICON_RADIO_OFF "\xee\xa0\xb6" /* radio_button_unchecked */
#define ICON_CHECK_ON "\xee\xa0\xb4" /* check_box */
#define ICON_CHECK_OFF "\xee\xa0\xb5" /* check_box_outline_blank */
#define ICON_DRAG "\xee\xa5\x85" /* drag_indicator */
#define ICON_HINT "\xee\x83\xb0" /* lightbulb */
#define ICON_RIGHT "\xee\xa1\xac" /* check_circle */
#define ICON_WRONG "\xee\x97\x89" /* cancel */
#define ICON_MISSED "\xee\xa4\xad" /* check_circle_outline: a right answer not picked */
#define ICON_REVIEW "\xef\x80\xaf" /* manage_search: look again at answers */
#define ICON_PARTLY "\xee\xbd\xa4" /* pending */
#define ICON_TROPHY "\xee\xa8\xa3" /* emoji_events */
#define ICON_PLAY "\xee\x87\x84" /* play_circle */
#define ICON_IMAGE "\xee\x8f\xb4" /* image */
#define ICON_PLACE "\xee\x95\x9f" /* place */
#define ICON_ZOOM_IN "\xee\xa3\xbf" /* zoom_in */
#define ICON_ZOOM_OUT "\xee\xa4\x80" /* zoom_out */
#define ICON_EVENT "\xee\xa1\xb8" /* event */
#define ICON_SPEECH "\xee\xa4\x9f" /* record_voice_over */
#define ICON_FACTS "\xef\x83\x85" /* fact_check */
#define ICON_PERSON "\xee\x9f\xbd" /* person */
#define ICON_GROUP "\xef\x88\xb3" /* groups */
#define ICON_RESTART "\xee\x81\x82" /* replay */
#define ICON_CELEBRATE "\xee\xa9\xa5" /* celebration */
#define ICON_SCHEDULE "\xee\xa2\xb5" /* schedule */
#define ICON_KEY "\xee\x9c\xbc" /* key */
#define ICON_BACKSPACE "\xee\x85\x8a" /* backspace */
#define ICON_SHIFT "\xee\x97\x98" /* arrow_upward */
#define ICON_WARNING "\xee\x80\x82" /* warning */
#define ICON_FINGERPRINT "\xee\xa4\x8d" /* fingerprint */
#define ICON_BLANK "\xee\xa3\xb5" /* visibility_off: blank the screen */
#define ICON_EDIT "\xee\x8f\x89" /* edit: a field being typed in */
#define ICON_ADD "\xee\x9f\xbe" /* person_add */
#define ICON_LANGUAGE "\xee\xa3\xa2" /* translate */
#define ICON_TEXT_SIZE "\xee\x89\x85" /* format_size */
#define ICON_CONTRAST "\xee\xac\xb7" /* contrast */
#define ICON_AREA_ACCESSIBILITY "\xee\xa4\x94" /* accessible */
#define ICON_AREA_ANTI_DISCRIMINATION "\xee\xab\xb6" /* balance */
#define ICON_AREA_ANTI_RACISM "\xee\xaf\x8b" /* handshake */
#define ICON_AREA_CLIMATE "\xee\xa8\xb5" /* eco */
#define ICON_AREA_CULTURE "\xee\xa9\xa6" /* theater_comedy */
#define ICON_AREA_PARTICIPATION "\xee\x85\xb5" /* how_to_vote */
#define ICON_AREA_FOOD "\xee\x95\xac" /* restaurant */
#define ICON_AREA_EDUCATION "\xee\xa0\x8c" /* school */
#define ICON_AREA_WOMEN "\xee\x96\x90" /* female */
#define ICON_AREA_HR_EDUCATION "\xee\xa8\xbe" /* history_edu */
#define ICON_AREA_POVERTY "\xee\xa9\xb0" /* volunteer_activism */
#define ICON_AREA_INCLUSION "\xef\x88\xb3" /* groups */
#define ICON_AREA_YOUTH "\xee\xad\x81" /* child_care */
#define ICON_AREA_HOUSING "\xee\xa9\x84" /* house */
#define ICON_AREA_MEMORY_PEACE "\xee\xa8\xb6" /* museum */
#define ICON_AREA_ACCOUNTABILITY "\xee\xa3\xb4" /* visibility */
#define ICON_AREA_HEALTH "\xee\x95\x88" /* local_hospital */
#define ICON_AREA_SERVICES "\xee\x9e\x98" /* water_drop */

/* The trainer's screens. */
#define ICON_DASH "\xee\x85\x9b" /* remove: not started */
#define ICON_USB "\xee\x87\xa0" /* usb */
#define ICON_FOLDER "\xee\x8b\x87" /* folder */
#define ICON_PRINT "\xee\xa2\xad" /* print */
#define ICON_UPLOAD_FILE "\xee\xa7\xbc" /* upload_file */
#define ICON_BAR_CHART "\xee\x89\xab" /* bar_chart */
#define ICON_TUNE "\xee\x90\xa9" /* tune */
#define ICON_LOCK_RESET "\xee\xab\x9e" /* lock_reset */
#define ICON_RESET "\xef\x81\x93" /* restart_alt */
#define ICON_RENAME "\xee\xa6\xa2" /* drive_file_rename_outline */
#define ICON_MOVE "\xee\xa3\x94" /* swap_horiz */
#define ICON_MERGE "\xee\x82\xb3" /* call_merge */
#define ICON_DELETE "\xee\xa1\xb2" /* delete */
#define ICON_GROUP_ADD "\xee\x9f\xb0" /* group_add */
#define ICON_SAVE "\xee\x85\xb1" /* save_alt */
#define ICON_PROJECTOR "\xee\xab\xb0" /* co_present */
#define ICON_SORT "\xee\x85\xa4" /* sort */
#define ICON_FILTER "\xee\x85\x92" /* filter_list */
#define ICON_CLASS "\xee\x89\xa5" /* table_chart */
#define ICON_CERTIFICATE "\xee\xa3\xb7" /* card_membership */
#define ICON_TODAY "\xee\xa3\x9f" /* today */
#define ICON_DESCRIPTION "\xee\xa1\xb3" /* description */
#define ICON_CLOSE "\xee\x97\x8d" /* close */

#endif
