import { IdParams, page } from '../schemas/common.js';
import { Notification, NotificationListQuery, ReadAllResult } from '../schemas/notification.js';
import { get, post } from './define.js';

/** The signed-in contact's notifications. */
export const notifications = {
  list: get({
    path: '/notifications',
    query: NotificationListQuery,
    response: page(Notification),
  }),
  read: post({
    path: '/notifications/{id}/read',
    params: IdParams,
    response: Notification,
  }),
  readAll: post({
    path: '/notifications/read-all',
    response: ReadAllResult,
  }),
} as const;
