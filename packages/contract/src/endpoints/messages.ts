import { page } from '../schemas/common.js';
import {
  ProjectMessage,
  ProjectMessageCreate,
  ProjectMessageListQuery,
  ProjectMessageMarkRead,
  ProjectMessageReadState,
  ProjectMessagesParams,
} from '../schemas/message.js';
import { get, post } from './define.js';

/** A project's conversation between the client's contacts and the firm's staff. */
export const messages = {
  list: get({
    path: '/projects/{project_id}/messages',
    params: ProjectMessagesParams,
    query: ProjectMessageListQuery,
    response: page(ProjectMessage),
  }),
  create: post({
    path: '/projects/{project_id}/messages',
    params: ProjectMessagesParams,
    body: ProjectMessageCreate,
    response: ProjectMessage,
    status: 201,
  }),
  readState: get({
    path: '/projects/{project_id}/messages/read',
    params: ProjectMessagesParams,
    response: ProjectMessageReadState,
  }),
  markRead: post({
    path: '/projects/{project_id}/messages/read',
    params: ProjectMessagesParams,
    body: ProjectMessageMarkRead,
    response: ProjectMessageReadState,
  }),
} as const;
