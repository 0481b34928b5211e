/**
 * The wire records of user administration (decision 0032): the accounts people and systems log in with, their roles,
 * unit and grid, and who changed them when. Passwords travel only towards the backend and never come back.
 */
package com.hotlineops.contract.user;
