/**
 * User administration (decision 0032): administrators list, create and change the accounts people and systems log in
 * with, disable and enable them and reset their passwords. Every change is recorded with who made it, and a change
 * that alters what an account's tokens say ends its refresh tokens.
 */
package com.hotlineops.core.useradmin;
