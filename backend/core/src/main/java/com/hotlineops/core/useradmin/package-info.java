/**
 * User administration (decision 0032): administrators list, create and change the accounts people and systems log in
 * with, disable and enable them and reset their passwords. Every change is recorded with who made it, and a change
 * that alters what an account's tokens say ends its refresh tokens. Users change their own password here too
 * ({@link com.hotlineops.core.useradmin.OwnPassword}, decision 0036), under the same password rules.
 */
package com.hotlineops.core.useradmin;
