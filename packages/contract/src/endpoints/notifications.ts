import { IdParams, page } from '../schemas/common.js';
import {
  Notification,
  NotificationListQuery,
  NotificationPreferences,
  NotificationPreferencesUpdate,
  NotificationSummary,
  ReadAllQuery,
  ReadAllResult,
} from '../schemas/notification.js';
import { get, post } from './define.js';

/** The signed-in contact's notifications: every endpoint reads and writes only the caller's own. */
export const notifications = {
  list: get({
    path: '/notifications',
    query: NotificationListQuery,
    response: page(Notification),
  }),
  summary: get({
    path: '/notifications/summary',
    response: NotificationSummary,
  }),
  read: post({
    path: '/notifications/{id}/read',
    params: IdParams,
    response: Notification,
  }),
  archive: post({
    path: '/notifications/{id}/archive',
    params: IdParams,
    response: Notification,
  }),
  readAll: post({
    path: '/notifications/read-all',
    query: ReadAllQuery,
    response: ReadAllResult,
  }),
  preferences: get({
    path: '/notifications/preferences',
    response: NotificationPreferences,
  }),
  updatePreferences: post({
    path: '/notifications/preferences',
    body: NotificationPreferencesUpdate,
    response: NotificationPreferences,
  }),
} as const;
